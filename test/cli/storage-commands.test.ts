import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresCredentialStore } from '../../src/adapters/postgres/index.js';
import { sqliteCredentialStore, sqliteSessionStore } from '../../src/adapters/sqlite/index.js';
import { verifyPassword } from '../../src/hash/index.js';
import { readCsvLine, unguardCell } from '../support/csv.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'mail.sqlite');
const store = `sqlite:${file}`;
const open = () => new Database(file);
const open2 = () => new Database(join(dir, 'flags.sqlite'));

/** A stand-in doveadm: fails (exit 75) while `fail` exists beside it, else succeeds; logs its calls. */
const doveadm = join(dir, 'doveadm');
writeFileSync(
  doveadm,
  `#!/bin/sh\necho "$*" >> "${dir}/doveadm.log"\n[ -e "${dir}/fail" ] && exit 75\nexit 0\n`,
);
chmodSync(doveadm, 0o755);

describe('passrotate set / rotate-domain / expire / sessions revoke / resume on SQLite', {
  timeout: 90_000,
}, () => {
  it('set --create makes the tables and the mailbox, with the password from stdin', async () => {
    const run = await runCli(
      ['set', '--store', store, '--account', 'Alice@Example.org', '--create', '--name', 'Alice'],
      'Sunny-Garden-28!\n',
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const db = open();
    const rec = await sqliteCredentialStore({ db }).get('alice@example.org');
    db.close();
    expect(rec).toMatchObject({ account: 'alice@example.org', displayName: 'Alice', version: 1 });
    expect(rec?.passwordHash.startsWith('{SHA512-CRYPT}$6$')).toBe(true);
    expect(await verifyPassword('Sunny-Garden-28!', rec?.passwordHash ?? '')).toBe(true);
  });

  it('set refuses a weak password with exit 1 and the violation codes, changing nothing', async () => {
    const run = await runCli(['set', '--store', store, '--account', 'alice@example.org'], 'alice123\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing_uppercase/);
    expect(run.stderr).not.toContain('alice123');
    const db = open();
    expect((await sqliteCredentialStore({ db }).get('alice@example.org'))?.version).toBe(1);
    db.close();
  });

  it('set without --create on an unknown mailbox exits 1; a bad --store exits 2', async () => {
    expect(
      (await runCli(['set', '--store', store, '--account', 'nobody@example.org'], 'Sunny-Garden-28!')).code,
    ).toBe(1);
    expect(
      (await runCli(['set', '--store', 'mysql://x', '--account', 'a@b.c'], 'Sunny-Garden-28!')).code,
    ).toBe(2);
  });

  it('set logs the web sessions out, and a failing doveadm leaves a pending revocation that resume finishes', async () => {
    const db = open();
    const sessions = sqliteSessionStore({ db });
    const session = {
      id: 'web-session-1',
      account: 'alice@example.org',
      createdAt: new Date(),
      epoch: 0,
      data: {},
    };
    await sessions.create({ ...session, expiresAt: new Date(Date.now() + 3_600_000) });
    writeFileSync(join(dir, 'fail'), '');
    const run = await runCli(
      [
        'set',
        '--store',
        store,
        '--account',
        'alice@example.org',
        '--temporary',
        '--dovecot-config',
        '/srv/d.conf',
        '--doveadm',
        doveadm,
      ],
      'Windy-Harbor-64?\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/revocation pending .*dovecot/);
    expect(await sessions.get('web-session-1', new Date())).toBeNull();
    expect(await sqliteCredentialStore({ db }).get('alice@example.org')).toMatchObject({
      version: 2,
      mustChange: true,
    });
    const pending = db.prepare('SELECT revoker, attempts FROM passrotate_outbox ORDER BY revoker').all();
    expect(pending).toEqual([
      { revoker: 'dovecot', attempts: 1 },
      { revoker: 'dovecot-auth-cache', attempts: 1 },
    ]);
    // Due now: the retry time is what the flow set; move it so resume finds the rows.
    db.prepare('UPDATE passrotate_outbox SET next_attempt_at = 0').run();
    rmSync(join(dir, 'fail'));
    const resume = await runCli([
      'resume',
      '--store',
      store,
      '--dovecot-config',
      '/srv/d.conf',
      '--doveadm',
      doveadm,
    ]);
    expect(resume.code, resume.stderr).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM passrotate_outbox').pluck().get()).toBe(0);
    expect(readFileSync(join(dir, 'doveadm.log'), 'utf8')).toContain('-c /srv/d.conf kick alice@example.org');
    db.close();
  });

  it('audits the changes it made in the database, without any password', async () => {
    const db = open();
    const events = db
      .prepare('SELECT type, account, actor, outcome, details FROM passrotate_audit')
      .all() as {
      type: string;
      actor: string;
      details: string | null;
    }[];
    db.close();
    expect(events.map((e) => [e.type, e.actor])).toContainEqual(['password_set_by_admin', 'cli']);
    expect(events.some((e) => e.type === 'password_change_refused')).toBe(true);
    const dump = JSON.stringify(events);
    for (const secret of ['Sunny-Garden-28!', 'Windy-Harbor-64?', 'alice123'])
      expect(dump).not.toContain(secret);
  });

  it('expire forces a change at next login', async () => {
    const run = await runCli(['expire', '--store', store, '--account', 'alice@example.org']);
    expect(run.code, run.stderr).toBe(0);
    const db = open();
    expect((await sqliteCredentialStore({ db }).get('alice@example.org'))?.mustChange).toBe(true);
    db.close();
  });

  it('sessions revoke ends every web session of the account', async () => {
    const db = open();
    const sessions = sqliteSessionStore({ db });
    for (const id of ['a', 'b']) {
      await sessions.create({
        id,
        account: 'alice@example.org',
        createdAt: new Date(),
        epoch: 0,
        expiresAt: new Date(Date.now() + 60_000),
        data: {},
      });
    }
    const run = await runCli(['sessions', 'revoke', '--store', store, '--account', 'alice@example.org']);
    expect(run.code, run.stderr).toBe(0);
    expect([await sessions.get('a', new Date()), await sessions.get('b', new Date())]).toEqual([null, null]);
    db.close();
  });

  it('rotate-domain --dry-run lists without changing; a real run writes a 0600 CSV whose passwords verify', async () => {
    for (const user of ['bob', 'carol']) {
      await runCli(['set', '--store', store, '--account', `${user}@example.org`, '--create', '--generate']);
    }
    const dry = await runCli(['rotate-domain', '--store', store, '--domain', 'example.org', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trim().split('\r\n')).toEqual([
      'account,password,status,pending_revocations',
      'alice@example.org,,ok,',
      'bob@example.org,,ok,',
      'carol@example.org,,ok,',
    ]);
    const out = join(dir, 'rotated.csv');
    const run = await runCli(['rotate-domain', '--store', store, '--domain', 'example.org', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const lines = readFileSync(out, 'utf8')
      .split(/\r\n(?=[^\r\n]*@example\.org,)/)
      .slice(1);
    expect(lines).toHaveLength(3);
    const db = open();
    const credentials = sqliteCredentialStore({ db });
    for (const line of lines) {
      const [account = '', password = ''] = readCsvLine(`${line}\r\n`);
      const rec = await credentials.get(account);
      expect(rec?.mustChange).toBe(true);
      expect(await verifyPassword(unguardCell(password), rec?.passwordHash ?? '')).toBe(true);
    }
    db.close();
  });

  it('rotate-domain writes JSON when the file ends in .json', async () => {
    const out = join(dir, 'rotated.json');
    const run = await runCli([
      'rotate-domain',
      '--store',
      store,
      '--domain',
      'example.org',
      '--out',
      out,
      '--no-temporary',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      mailboxes: { account: string; status: string }[];
    };
    expect(json.mailboxes.map((m) => [m.account, m.status])).toEqual([
      ['alice@example.org', 'ok'],
      ['bob@example.org', 'ok'],
      ['carol@example.org', 'ok'],
    ]);
  });
});

describe('generator flags of set --generate and rotate-domain; formula-safe CSV', { timeout: 90_000 }, () => {
  const flagsStore = `sqlite:${join(dir, 'flags.sqlite')}`;
  const formulaAccounts = ['=sum@example.com', '+plus@example.com', '-minus@example.com', '@at@example.com'];

  it('set --generate honours --length/--specials and --passphrase/--words; a bad combination exits 2', async () => {
    const chars = await runCli([
      'set',
      '--store',
      flagsStore,
      '--account',
      'alice@example.com',
      '--create',
      '--generate',
      '--policy',
      'mailbox',
      '--length',
      '24',
      '--specials',
      ',.!',
    ]);
    expect(chars.code, chars.stderr).toBe(0);
    expect(chars.stdout.trim()).toMatch(/^[A-Za-z0-9,.!]{24}$/);
    const phrase = await runCli([
      'set',
      '--store',
      flagsStore,
      '--account',
      'alice@example.com',
      '--generate',
      '--policy',
      'mailbox',
      '--passphrase',
      '--words',
      '5',
    ]);
    expect(phrase.code, phrase.stderr).toBe(0);
    expect(phrase.stdout.trim().split('-').length).toBeGreaterThanOrEqual(5);
    const db = open2();
    const rec = await sqliteCredentialStore({ db }).get('alice@example.com');
    db.close();
    expect(await verifyPassword(phrase.stdout.trim(), rec?.passwordHash ?? '')).toBe(true);
    for (const bad of [
      ['--specials', 'x'],
      ['--passphrase', '--length', '20'],
      ['--words', '4'],
    ]) {
      const run = await runCli([
        'set',
        '--store',
        flagsStore,
        '--account',
        'alice@example.com',
        '--generate',
        ...bad,
      ]);
      expect(run.code, bad.join(' ')).toBe(2);
    }
    expect(
      (
        await runCli(
          ['set', '--store', flagsStore, '--account', 'alice@example.com', '--length', '20'],
          'Sunny-Garden-28!',
        )
      ).code,
    ).toBe(2);
  });

  it("rotate-domain --specials mail-safe: every password uses them; formula-leading accounts get a leading '", async () => {
    for (const account of formulaAccounts) {
      const run = await runCli([
        'set',
        '--store',
        flagsStore,
        '--account',
        account,
        '--create',
        '--generate',
      ]);
      expect(run.code, run.stderr).toBe(0);
    }
    const run = await runCli([
      'rotate-domain',
      '--store',
      flagsStore,
      '--domain',
      'example.com',
      '--policy',
      'mailbox',
      '--length',
      '20',
      '--specials',
      'mail-safe',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout
      .split(/\r\n(?=["a-z])/)
      .slice(1)
      .map((line) => readCsvLine(`${line.replace(/\r\n$/, '')}\r\n`));
    expect(rows.map((r) => r[0]).sort()).toEqual(
      ['alice@example.com', ...formulaAccounts.map((a) => `'${a}`)].sort(),
    );
    for (const account of formulaAccounts) expect(run.stdout).toContain(`"'${account}",`);
    const db = open2();
    const credentials = sqliteCredentialStore({ db });
    for (const [account = '', password = ''] of rows) {
      const exact = unguardCell;
      expect(exact(password)).toMatch(/^[A-Za-z0-9,\-.;=_~]{20}$/);
      expect(
        await verifyPassword(exact(password), (await credentials.get(exact(account)))?.passwordHash ?? ''),
      ).toBe(true);
    }
    db.close();
  });
});

describe('passrotate set on a passwd-file', { timeout: 90_000 }, () => {
  it('creates an entry and then changes it in place', async () => {
    const users = join(dir, 'users');
    writeFileSync(users, '# users\nzed@example.org:{PLAIN}x::::::\n');
    const created = await runCli(
      ['set', '--store', `passwd-file:${users}`, '--account', 'amy@example.org', '--create'],
      'Quiet-River-35$',
    );
    expect(created.code, created.stderr).toBe(0);
    const changed = await runCli(
      ['set', '--store', `passwd-file:${users}`, '--account', 'amy@example.org'],
      'Quiet-Forest-53$',
    );
    expect(changed.code, changed.stderr).toBe(0);
    const lines = readFileSync(users, 'utf8').split('\n');
    expect(lines.slice(0, 2)).toEqual(['# users', 'zed@example.org:{PLAIN}x::::::']);
    const hash = lines[2]?.split(':')[1] ?? '';
    expect(await verifyPassword('Quiet-Forest-53$', hash)).toBe(true);
  });
});

describe.skipIf(pgUrl === undefined)('passrotate set on PostgreSQL', { timeout: 90_000 }, () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl ?? '');
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('creates the tables and the mailbox, changes it with history, and rotates the domain', async () => {
    const created = await runCli(
      ['set', '--store', scratch.url, '--account', 'dan@example.net', '--create'],
      'Stone-Bridge-47&',
    );
    expect(created.code, created.stderr).toBe(0);
    const changed = await runCli(
      ['set', '--store', scratch.url, '--account', 'dan@example.net', '--policy', 'strict'],
      'Stone-Bridge-47&x',
    );
    expect(changed.code, changed.stderr).toBe(0);
    const rec = await postgresCredentialStore({ pool: scratch.pool }).get('dan@example.net');
    expect(rec).toMatchObject({ version: 2, previousHashes: [expect.stringMatching(/^\{SHA512-CRYPT\}/)] });
    expect(await verifyPassword('Stone-Bridge-47&x', rec?.passwordHash ?? '')).toBe(true);
    const rotated = await runCli(['rotate-domain', '--store', scratch.url, '--domain', 'example.net']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const [header, line] = rotated.stdout.trim().split('\r\n');
    expect(header).toBe('account,password,status,pending_revocations');
    const [account = '', password = '', status] = readCsvLine(`${line}\r\n`);
    expect([account, status]).toEqual(['dan@example.net', 'ok']);
    const after = await postgresCredentialStore({ pool: scratch.pool }).get('dan@example.net');
    expect(await verifyPassword(unguardCell(password), after?.passwordHash ?? '')).toBe(true);
  });
});
