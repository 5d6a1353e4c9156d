import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migratePostgres,
  postgresAuditSink,
  postgresCredentialStore,
} from '../../../src/adapters/postgres/index.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../../support/postgres.js';

const write = (account: string, passwordHash: string, expectedVersion = 1) => ({
  account,
  expectedVersion,
  passwordHash,
  changedAt: new Date('2030-05-06T07:08:09.123Z'),
  mustChange: false,
  expiresAt: new Date('2030-06-01T00:00:00Z'),
  historyLimit: 2,
  pendingRevocations: [],
});

describe.skipIf(pgUrl === undefined)('postgres adapters beyond the conformance suites', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl ?? '');
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('migrates concurrently and idempotently, and keeps the Postfixadmin row Dovecot reads', async () => {
    await Promise.all([1, 2, 3].map(() => migratePostgres({ pool: scratch.pool })));
    const store = postgresCredentialStore({ pool: scratch.pool });
    await store.createMailbox({
      account: 'Alice@Example.org',
      displayName: 'Alice',
      passwordHash: '{PLAIN}one',
    });
    expect(await store.setPassword(write('alice@example.org', '{SHA512-CRYPT}$6$two'))).toEqual({
      ok: true,
      version: 2,
    });
    const row = await scratch.pool.query(
      "SELECT username AS user, password, name, local_part, domain, maildir, active, password_expiry FROM mailbox WHERE username = 'alice@example.org'",
    );
    expect(row.rows).toEqual([
      {
        user: 'alice@example.org',
        password: '{SHA512-CRYPT}$6$two',
        name: 'Alice',
        local_part: 'alice',
        domain: 'example.org',
        maildir: 'example.org/alice/',
        active: true,
        password_expiry: new Date('2030-06-01T00:00:00Z'),
      },
    ]);
  });

  it('works on a mapped schema without a domain column', async () => {
    await scratch.pool.query('CREATE TABLE users (email TEXT PRIMARY KEY, crypt TEXT NOT NULL)');
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
    await migratePostgres({ pool: scratch.pool, schema, mailboxTable: false });
    await scratch.pool.query(
      "INSERT INTO users VALUES ('carol@my_domain.org', '{PLAIN}c'), ('dave@myxdomain.org', '{PLAIN}d')",
    );
    const store = postgresCredentialStore({ pool: scratch.pool, schema });
    expect(await store.setPassword(write('carol@my_domain.org', '{PLAIN}c2'))).toEqual({
      ok: true,
      version: 2,
    });
    expect(await store.setPassword(write('carol@my_domain.org', '{PLAIN}c3', 2))).toEqual({
      ok: true,
      version: 3,
    });
    expect(
      (await scratch.pool.query("SELECT crypt FROM users WHERE email = 'carol@my_domain.org'")).rows,
    ).toEqual([{ crypt: '{PLAIN}c3' }]);
    const page = await store.listByDomain('my_domain.org');
    expect(page.mailboxes.map((m) => [m.account, m.domain, m.version, m.previousHashes])).toEqual([
      ['carol@my_domain.org', 'my_domain.org', 3, ['{PLAIN}c2', '{PLAIN}c']],
    ]);
  });

  it('lets one of many racing writers win on a mailbox another tool created (no state row yet)', async () => {
    await scratch.pool.query(
      "INSERT INTO mailbox (username, password, domain, local_part) VALUES ('erin@example.org', '{PLAIN}e', 'example.org', 'erin')",
    );
    const store = postgresCredentialStore({ pool: scratch.pool });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.setPassword(write('erin@example.org', `{PLAIN}e${i}`))),
    );
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
    expect(await store.get('erin@example.org')).toMatchObject({ version: 2, previousHashes: ['{PLAIN}e'] });
  });

  it('appends audit events as rows', async () => {
    await postgresAuditSink({ pool: scratch.pool }).record({
      type: 'sessions_revoked',
      account: 'alice@example.org',
      actor: 'system',
      at: new Date('2030-01-01T00:00:00Z'),
      outcome: 'ok',
      details: { revoker: 'web-sessions' },
    });
    const rows = await scratch.pool.query(
      'SELECT type, account, actor, at, outcome, details FROM passrotate_audit',
    );
    expect(rows.rows).toEqual([
      {
        type: 'sessions_revoked',
        account: 'alice@example.org',
        actor: 'system',
        at: String(Date.UTC(2030, 0, 1)),
        outcome: 'ok',
        details: '{"revoker":"web-sessions"}',
      },
    ]);
  });
});
