import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwdFileCredentialStore } from '../../src/adapters/dovecot/index.js';
import { migrateSqlite, sqliteCredentialStore } from '../../src/adapters/sqlite/index.js';
import { parseMail } from '../support/mail-message.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../support/postfix.js';
import { runCli } from '../support/run-cli.js';

const DAY = 86_400_000;
const HASH = '{PLAIN}Some-Password-55';
const DUE = ['ann@example.org', 'ben@example.org', 'cy@other.org'];

/** A SQLite store with mailboxes expiring soon, already expired, temporary and never. */
async function seededStore(dir: string): Promise<string> {
  const file = join(dir, 'mail.sqlite');
  const db = new Database(file);
  migrateSqlite({ db });
  const store = sqliteCredentialStore({ db });
  const now = Date.now();
  await store.createMailbox({
    account: 'ann@example.org',
    passwordHash: HASH,
    expiresAt: new Date(now + 2 * DAY),
  });
  await store.createMailbox({
    account: 'ben@example.org',
    passwordHash: HASH,
    expiresAt: new Date(now + 10 * DAY),
  });
  await store.createMailbox({
    account: 'cy@other.org',
    passwordHash: HASH,
    expiresAt: new Date(now + 12 * 3_600_000),
  });
  await store.createMailbox({
    account: 'old@example.org',
    passwordHash: HASH,
    expiresAt: new Date(now - DAY),
  });
  await store.createMailbox({
    account: 'tmp@example.org',
    passwordHash: HASH,
    expiresAt: new Date(now + DAY),
    mustChange: true,
  });
  await store.createMailbox({ account: 'never@example.org', passwordHash: HASH });
  db.close();
  return `sqlite:${file}`;
}

const dir = mkdtempSync(join(tmpdir(), 'pr-expiry-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('passrotate remind / expire --due', { timeout: 120_000 }, () => {
  it('expire --due marks only the aged-out password must-change, once, and prints JSON', async () => {
    const store = await seededStore(mkdtempSync(join(dir, 'due-')));
    const first = await runCli(['expire', '--due', '--store', store, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ expired: ['old@example.org'], conflicts: 0, skipped: 0 });
    const second = await runCli(['expire', '--due', '--store', store, '--json']);
    expect(JSON.parse(second.stdout)).toEqual({ expired: [], conflicts: 0, skipped: 0 });
    const db = new Database(store.slice('sqlite:'.length));
    expect(await sqliteCredentialStore({ db }).get('old@example.org')).toMatchObject({ mustChange: true });
    db.close();
  });

  it('refuses bad combinations and unsupported stores with exit 2', async () => {
    const store = await seededStore(mkdtempSync(join(dir, 'bad-')));
    expect((await runCli(['expire', '--store', store])).code).toBe(2);
    expect((await runCli(['expire', '--store', store, '--due', '--account', 'ann@example.org'])).code).toBe(
      2,
    );
    expect(
      (await runCli(['expire', '--store', store, '--account', 'ann@example.org', '--domain', 'x.org'])).code,
    ).toBe(2);
    const withPassword = await runCli([
      'remind',
      '--store',
      store,
      '--days',
      '3',
      '--smtp',
      'smtp://u:secret@127.0.0.1:25',
      '--from',
      'a@b.c',
    ]);
    expect(withPassword.code).toBe(2);
    expect(withPassword.stderr).toContain('PASSROTATE_SMTP_PASSWORD');
    expect(withPassword.stderr).not.toContain('secret');
    expect((await runCli(['remind', '--store', store, '--days', '0'])).code).toBe(2);
    expect((await runCli(['remind', '--store', store, '--days', '3'])).code).toBe(2);
    const users = join(dir, 'users');
    writeFileSync(users, 'ann@example.org:{PLAIN}x::::::\n');
    const passwd = await runCli([
      'remind',
      `--store=passwd-file:${users}`,
      '--days',
      '3',
      '--smtp',
      'smtp://127.0.0.1:25',
      '--from',
      'a@b.c',
    ]);
    expect(passwd.code).toBe(2);
    expect(passwd.stderr).toContain('unsupported_store');
  });

  it('expire --due works on a Dovecot passwd-file (its listing scans the file)', async () => {
    const users = join(mkdtempSync(join(dir, 'passwd-')), 'users');
    writeFileSync(users, '');
    const store = passwdFileCredentialStore({ path: users });
    const now = Date.now();
    await store.createMailbox({
      account: 'old@example.org',
      passwordHash: HASH,
      expiresAt: new Date(now - DAY),
    });
    await store.createMailbox({
      account: 'soon@example.org',
      passwordHash: HASH,
      expiresAt: new Date(now + DAY),
    });
    await store.createMailbox({ account: 'never@example.org', passwordHash: HASH });
    const due = await runCli(['expire', '--due', `--store=passwd-file:${users}`, '--json']);
    expect(due.code, due.stderr).toBe(0);
    expect(JSON.parse(due.stdout)).toEqual({ expired: ['old@example.org'], conflicts: 0, skipped: 0 });
    expect(await store.get('old@example.org')).toMatchObject({ mustChange: true });
    expect(await store.get('soon@example.org')).toMatchObject({ mustChange: false });
  });
});

describe.skipIf(postfixBinary === undefined && process.env.CI !== 'true')(
  'passrotate remind / expire --due through a real Postfix',
  { timeout: 120_000 },
  () => {
    let postfix: PostfixInstance;
    beforeAll(async () => {
      postfix = await startPostfix({
        mailboxes: [...DUE, 'old@example.org', 'tmp@example.org', 'never@example.org'],
      });
    });
    afterAll(async () => {
      await postfix?.stop();
    });

    it('remind run twice at once and once more delivers exactly one reminder per due mailbox', async () => {
      const store = await seededStore(mkdtempSync(join(dir, 'remind-')));
      const remind = () =>
        runCli([
          'remind',
          '--store',
          store,
          '--days',
          '14,3,1',
          '--smtp',
          `smtp://127.0.0.1:${postfix.smtpPort}`,
          '--from',
          'Mail service <no-reply@example.org>',
          '--json',
        ]);
      const runs = await Promise.all([remind(), remind()]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const counts = runs.map((r) => JSON.parse(r.stdout) as { sent: number; alreadySent: number });
      expect(counts.reduce((n, c) => n + c.sent, 0)).toBe(3);
      const third = await remind();
      expect(JSON.parse(third.stdout)).toMatchObject({ sent: 0, alreadySent: 3, failed: 0, skipped: 2 });
      for (const account of DUE) {
        const [mail] = (await postfix.waitForMessages(account, 1)).map(parseMail);
        expect(mail?.header('subject')).toBe('Your password expires soon');
        expect(mail?.header('from')).toBe('Mail service <no-reply@example.org>');
        expect(mail?.text).toContain(account);
      }
      await new Promise((r) => setTimeout(r, 1500)); // a duplicate would have arrived by now
      for (const account of DUE) expect(postfix.messages(account), account).toHaveLength(1);
      for (const account of ['old@example.org', 'tmp@example.org', 'never@example.org']) {
        expect(postfix.messages(account), account).toHaveLength(0);
      }
    });

    it('expire --due --smtp mails the password_expired notice', async () => {
      const store = await seededStore(mkdtempSync(join(dir, 'expire-')));
      const run = await runCli([
        'expire',
        '--due',
        '--store',
        store,
        '--smtp',
        `smtp://127.0.0.1:${postfix.smtpPort}`,
        '--from',
        'no-reply@example.org',
        '--locale',
        'de',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('expired old@example.org');
      const [mail] = (await postfix.waitForMessages('old@example.org', 1)).map(parseMail);
      expect(mail?.header('subject')).toMatch(/Passwort/);
    });
  },
);
