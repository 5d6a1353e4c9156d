/** @module App passwords over SMTP AUTH: Postfix submission authenticating through Dovecot SASL with the app-password passdb slots. */
import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotRevokers } from '../../src/adapters/dovecot/index.js';
import {
  migrateSqlite,
  sqliteAppPasswordStore,
  sqliteCredentialStore,
} from '../../src/adapters/sqlite/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import {
  changeOwnPassword,
  createAppPassword,
  presets,
  type RotationDeps,
  revokeAppPassword,
  verifyLogin,
} from '../../src/index.js';
import { appPasswordPassdbs } from '../support/app-password-passdbs.js';
import { type DovecotInstance, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { parseMail } from '../support/mail-message.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../support/postfix.js';
import { runCli } from '../support/run-cli.js';
import { smtpAuthPlain, smtpSendAuthenticated } from '../support/smtp-client.js';

const MAIN = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const ACCOUNTS = ['alice@example.org', 'bob@example.org', 'carol@example.org'];

describe.skipIf(dovecotBinary === undefined || postfixBinary === undefined)(
  'App passwords over SMTP AUTH: Postfix submission through Dovecot SASL with the app-password slots',
  { timeout: 90_000 },
  () => {
    let dir: string;
    let db: Database.Database;
    let dovecot: DovecotInstance;
    let postfix: PostfixInstance;
    const deps = (overrides: Partial<RotationDeps> = {}): RotationDeps => ({
      store: sqliteCredentialStore({ db }),
      hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
      policy: presets.mailbox,
      appPasswords: sqliteAppPasswordStore({ db }),
      appPasswordRevokers: dovecotRevokers({ config: dovecot.config }),
      ...overrides,
    });
    const create = async (account: string, name: string) => {
      const result = await createAppPassword(deps(), { account, name });
      if (!result.ok) throw new Error(`createAppPassword: ${result.code}`);
      return result;
    };
    const auth = (user: string, password: string): Promise<number> =>
      smtpAuthPlain(postfix.submissionPort ?? 0, user, password).then((r) => r.code);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-apppw-smtp-'));
      chmodSync(dir, 0o755);
      const file = join(dir, 'mail.sqlite');
      db = new Database(file);
      migrateSqlite({ db });
      const passwordHash = await hashPassword(MAIN, { scheme: 'SHA512-CRYPT' });
      for (const account of ACCOUNTS)
        await sqliteCredentialStore({ db }).createMailbox({ account, passwordHash });
      chmodSync(file, 0o666);
      dovecot = await startDovecot({
        passdb: { driver: 'sqlite', database: file },
        extraPassdbs: appPasswordPassdbs(dir, { driver: 'sqlite', connect: file }, 5),
        postfixSasl: true,
      });
      postfix = await startPostfix({
        mailboxes: ACCOUNTS,
        dovecotSaslSocket: dovecot.postfixSaslSocket ?? '',
      });
    });
    afterAll(async () => {
      await postfix?.stop();
      await dovecot?.stop();
      db?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an app password authenticates SMTP and sends a delivered message until revoked; then 535 at once', async () => {
      const phone = await create('alice@example.org', 'Phone');
      const laptop = await create('alice@example.org', 'Laptop');
      const sent = await smtpSendAuthenticated(postfix.submissionPort ?? 0, {
        user: 'alice@example.org',
        password: phone.password,
        from: 'alice@example.org',
        to: 'carol@example.org',
        subject: 'Sent with an app password',
        body: 'Hello from the phone.',
      });
      expect(sent, `${dovecot.log()}\n${postfix.log()}`).toEqual({ auth: 235, data: 250 });
      const [delivered] = await postfix.waitForMessages('carol@example.org', 1);
      const mail = parseMail(delivered ?? '');
      expect(mail.header('subject')).toBe('Sent with an app password');
      expect(mail.text.trim()).toBe('Hello from the phone.');
      expect(await auth('alice@example.org', laptop.password)).toBe(235);
      expect(await auth('alice@example.org', 'abcd-efgh-ijkl-mnop')).toBe(535);
      expect(await auth('bob@example.org', phone.password)).toBe(535); // another account's
      // Never a web sign-in.
      expect(await verifyLogin(deps(), { account: 'alice@example.org', password: phone.password })).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });

      // The phone's login is in Dovecot's auth cache now; revoking flushes it.
      const revoked = await revokeAppPassword(deps(), { account: 'alice@example.org', id: phone.id });
      expect(revoked).toEqual({
        ok: true,
        revocation: { done: ['app-password:dovecot-auth-cache', 'app-password:dovecot'], pending: [] },
      });
      expect(await auth('alice@example.org', phone.password)).toBe(535);
      const refused = await smtpSendAuthenticated(postfix.submissionPort ?? 0, {
        user: 'alice@example.org',
        password: phone.password,
        from: 'alice@example.org',
        to: 'carol@example.org',
        subject: 'Must not arrive',
        body: 'Revoked.',
      });
      expect(refused).toEqual({ auth: 535, data: null });
      expect(await auth('alice@example.org', laptop.password)).toBe(235);
      expect(await auth('alice@example.org', MAIN)).toBe(235);
      expect(postfix.messages('carol@example.org')).toHaveLength(1);
    });

    it('(control) revoked without the auth-cache flush, the cached app password still authenticates', async () => {
      const tablet = await create('carol@example.org', 'Tablet');
      expect(await auth('carol@example.org', tablet.password)).toBe(235); // cached
      const revoked = await revokeAppPassword(deps({ appPasswordRevokers: [] }), {
        account: 'carol@example.org',
        id: tablet.id,
      });
      expect(revoked).toEqual({ ok: true, revocation: { done: [], pending: [] } });
      expect(await auth('carol@example.org', tablet.password)).toBe(235);
    });

    it('a flush that fails while the auth-master socket is away stays queued; `passrotate resume` then refuses the app password', async () => {
      const tablet = await create('alice@example.org', 'Tablet');
      expect(await auth('alice@example.org', tablet.password)).toBe(235); // cached
      const socket = join(dovecot.dir, 'run', 'auth-master');
      renameSync(socket, `${socket}.away`);
      let revoked: Awaited<ReturnType<typeof revokeAppPassword>>;
      try {
        revoked = await revokeAppPassword(deps(), { account: 'alice@example.org', id: tablet.id });
      } finally {
        renameSync(`${socket}.away`, socket);
      }
      expect(revoked).toEqual({
        ok: true,
        revocation: { done: [], pending: ['app-password:dovecot-auth-cache', 'app-password:dovecot'] },
      });
      // Deleted, but the cached login still authenticates: the queued flush is what ends it.
      expect(await auth('alice@example.org', tablet.password)).toBe(235);
      expect(db.prepare('SELECT revoker FROM passrotate_outbox ORDER BY revoker').pluck().all()).toEqual([
        'app-password:dovecot',
        'app-password:dovecot-auth-cache',
      ]);

      db.prepare('UPDATE passrotate_outbox SET next_attempt_at = 0').run(); // due now, not after the back-off
      const resume = await runCli([
        'resume',
        '--store',
        `sqlite:${join(dir, 'mail.sqlite')}`,
        '--dovecot-config',
        dovecot.config,
      ]);
      expect(resume.code, resume.stderr).toBe(0);
      expect(resume.stderr).toContain('revocations done: 2, failed again: 0');
      expect(db.prepare('SELECT COUNT(*) FROM passrotate_outbox').pluck().get()).toBe(0);
      expect(await auth('alice@example.org', tablet.password)).toBe(535);
      expect(await auth('alice@example.org', MAIN)).toBe(235);
    });

    it('a main-password change with revokeAppPasswordsOnChange ends the app password for SMTP too', async () => {
      const phone = await create('bob@example.org', 'Phone');
      expect(await auth('bob@example.org', phone.password)).toBe(235); // cached
      const changed = await changeOwnPassword(
        deps({ revokers: dovecotRevokers({ config: dovecot.config }), revokeAppPasswordsOnChange: true }),
        {
          account: 'bob@example.org',
          currentPassword: MAIN,
          newPassword: NEW,
          confirmation: NEW,
          revoke: 'none',
        },
      );
      expect(changed).toMatchObject({
        ok: true,
        revocation: { done: expect.arrayContaining(['app-passwords', 'dovecot-auth-cache']), pending: [] },
      });
      expect(await auth('bob@example.org', phone.password)).toBe(535);
      expect(await auth('bob@example.org', MAIN)).toBe(535);
      expect(await auth('bob@example.org', NEW)).toBe(235);
    });
  },
);
