import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  migrateSqlite,
  sqliteAuditSink,
  sqliteCredentialStore,
  sqliteSessionStore,
} from '../../../src/adapters/sqlite/index.js';
import { raceInProcesses } from '../../support/sqlite-processes.js';

const write = (account: string, passwordHash: string) => ({
  account,
  expectedVersion: 1,
  passwordHash,
  changedAt: new Date('2030-05-06T07:08:09.123Z'),
  mustChange: true,
  expiresAt: new Date('2030-06-01T00:00:00Z'),
  historyLimit: 5,
  pendingRevocations: [],
});

describe('sqlite adapters on a Postfixadmin database', () => {
  it('keeps the row Dovecot reads with its usual query, and Postfixadmin columns', async () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    migrateSqlite({ db });
    const store = sqliteCredentialStore({ db });
    await store.createMailbox({
      account: 'Alice@Example.org',
      displayName: 'Alice',
      passwordHash: '{PLAIN}one',
    });
    await store.setPassword(write('alice@example.org', '{SHA512-CRYPT}$6$two'));
    const dovecot = db
      .prepare('SELECT username AS user, password FROM mailbox WHERE username = ?')
      .get('alice@example.org');
    expect(dovecot).toEqual({ user: 'alice@example.org', password: '{SHA512-CRYPT}$6$two' });
    expect(
      db
        .prepare('SELECT name, local_part, domain, maildir, active, modified, password_expiry FROM mailbox')
        .get(),
    ).toEqual({
      name: 'Alice',
      local_part: 'alice',
      domain: 'example.org',
      maildir: 'example.org/alice/',
      active: 1,
      modified: '2030-05-06 07:08:09',
      password_expiry: '2030-06-01 00:00:00',
    });
  });

  it('reads a mailbox written by Postfixadmin itself, without a passrotate state row, at version 1', async () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    db.prepare(
      "INSERT INTO mailbox (username, password, name, maildir, local_part, domain, active) VALUES (?, ?, 'Bob', 'x/', 'bob', 'example.org', 0)",
    ).run('bob@example.org', '{BLF-CRYPT}$2y$05$abc');
    const store = sqliteCredentialStore({ db });
    expect(await store.get('bob@example.org')).toMatchObject({
      version: 1,
      active: false,
      displayName: 'Bob',
    });
    expect(await store.setPassword(write('bob@example.org', '{PLAIN}new'))).toEqual({ ok: true, version: 2 });
    expect(await store.setPassword(write('bob@example.org', '{PLAIN}newer'))).toEqual({
      ok: false,
      code: 'conflict',
    });
  });

  it('maps another schema and its table prefix', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE users (email TEXT PRIMARY KEY, crypt TEXT NOT NULL)');
    const schema = {
      table: 'users',
      account: 'email',
      password: 'crypt',
      domain: null,
      displayName: null,
      localPart: null,
      maildir: null,
      active: null,
      created: null,
      modified: null,
      passwordExpiry: null,
      prefix: 'pr_',
    };
    migrateSqlite({ db, schema });
    db.prepare('INSERT INTO users VALUES (?, ?)').run('carol@my_domain.org', '{PLAIN}c');
    db.prepare('INSERT INTO users VALUES (?, ?)').run('dave@myxdomain.org', '{PLAIN}d');
    const store = sqliteCredentialStore({ db, schema });
    expect(await store.setPassword(write('carol@my_domain.org', '{PLAIN}c2'))).toEqual({
      ok: true,
      version: 2,
    });
    expect(db.prepare('SELECT crypt FROM users WHERE email = ?').pluck().get('carol@my_domain.org')).toBe(
      '{PLAIN}c2',
    );
    const page = await store.listByDomain('my_domain.org');
    expect(page.mailboxes.map((m) => [m.account, m.domain, m.active])).toEqual([
      ['carol@my_domain.org', 'my_domain.org', true],
    ]);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pr\\_%' ESCAPE '\\' ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual([
      'pr_attempts',
      'pr_audit',
      'pr_expiry_reminders',
      'pr_history',
      'pr_outbox',
      'pr_reset_tokens',
      'pr_session_epochs',
      'pr_sessions',
      'pr_state',
    ]);
  });

  it('refuses a table or column name that is not a plain identifier', () => {
    const db = new Database(':memory:');
    expect(() => sqliteCredentialStore({ db, schema: { table: 'mailbox; DROP TABLE x' } })).toThrow(
      TypeError,
    );
  });

  it('stores only a digest of session ids, and audit events as rows', async () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    const id = 'cookie-value-that-must-not-be-stored';
    await sqliteSessionStore({ db }).create({
      id,
      account: 'alice@example.org',
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      epoch: 0,
      data: {},
    });
    const dump = JSON.stringify(db.prepare('SELECT * FROM passrotate_sessions').all());
    expect(dump).not.toContain(id);
    await sqliteAuditSink({ db }).record({
      type: 'password_changed',
      account: 'alice@example.org',
      actor: 'alice@example.org',
      at: new Date('2030-01-01T00:00:00Z'),
      outcome: 'ok',
      details: { revoked: 2 },
    });
    expect(db.prepare('SELECT type, account, outcome, details FROM passrotate_audit').all()).toEqual([
      { type: 'password_changed', account: 'alice@example.org', outcome: 'ok', details: '{"revoked":2}' },
    ]);
  });
});

describe('sqliteCredentialStore across processes', () => {
  it('lets exactly one of several processes sharing the file win the same compare-and-set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passrotate-sqlite-procs-'));
    try {
      const file = join(dir, 'mail.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      migrateSqlite({ db });
      await sqliteCredentialStore({ db }).createMailbox({
        account: 'alice@example.org',
        passwordHash: '{PLAIN}start',
      });
      const results = (await raceInProcesses(
        dir,
        file,
        `return sqlite.sqliteCredentialStore({ db }).setPassword({ account: 'alice@example.org', expectedVersion: 1,
  passwordHash: '{PLAIN}p' + args[0], changedAt: new Date(), mustChange: false, expiresAt: null,
  historyLimit: 5, pendingRevocations: [] });`,
        [1, 2, 3, 4].map((i) => [String(i)]),
      )) as { ok: boolean }[];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = results.findIndex((r) => r.ok) + 1;
      expect(await sqliteCredentialStore({ db }).get('alice@example.org')).toMatchObject({
        version: 2,
        passwordHash: `{PLAIN}p${winner}`,
        previousHashes: ['{PLAIN}start'],
      });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
