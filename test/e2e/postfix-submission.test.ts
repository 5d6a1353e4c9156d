import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotRevokers, dovecotSessionRevoker } from '../../src/adapters/dovecot/index.js';
import { migrateSqlite, sqliteCredentialStore } from '../../src/adapters/sqlite/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import { changeOwnPassword, presets } from '../../src/index.js';
import type { SessionRevoker } from '../../src/ports/index.js';
import { type DovecotInstance, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../support/postfix.js';
import { runCli } from '../support/run-cli.js';
import { smtpAuthPlain } from '../support/smtp-client.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const NEWER = 'Quiet-Meadow-63!z';

describe.skipIf(dovecotBinary === undefined || postfixBinary === undefined)(
  'Postfix submission authenticating through Dovecot SASL over the SQLite mailbox table',
  { timeout: 90_000 },
  () => {
    let dir: string;
    let file: string;
    let dovecot: DovecotInstance;
    let postfix: PostfixInstance;
    const auth = (user: string, password: string): Promise<number> =>
      smtpAuthPlain(postfix.submissionPort ?? 0, user, password).then((r) => r.code);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-submission-'));
      chmodSync(dir, 0o755);
      file = join(dir, 'mail.sqlite');
      const db = new Database(file);
      migrateSqlite({ db });
      const store = sqliteCredentialStore({ db });
      for (const account of ['alice@example.org', 'bob@example.org']) {
        await store.createMailbox({
          account,
          passwordHash: await hashPassword(OLD, { scheme: 'SHA512-CRYPT' }),
        });
      }
      db.close();
      chmodSync(file, 0o644);
      dovecot = await startDovecot({ passdb: { driver: 'sqlite', database: file }, postfixSasl: true });
      postfix = await startPostfix({
        mailboxes: ['alice@example.org', 'bob@example.org'],
        dovecotSaslSocket: dovecot.postfixSaslSocket ?? '',
      });
    });
    afterAll(async () => {
      await postfix?.stop();
      await dovecot?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function changeOwn(account: string, from: string, to: string, revokers: SessionRevoker[]) {
      const db = new Database(file);
      try {
        return await changeOwnPassword(
          {
            store: sqliteCredentialStore({ db }),
            hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
            policy: presets.mailbox,
            revokers,
          },
          { account, currentPassword: from, newPassword: to, confirmation: to, revoke: 'none' },
        );
      } finally {
        db.close();
      }
    }

    it('offers AUTH only on the submission port and answers 235 / 535', async () => {
      const { code, ehlo } = await smtpAuthPlain(postfix.submissionPort ?? 0, 'alice@example.org', OLD);
      expect(ehlo).toMatch(/^250-AUTH PLAIN LOGIN/m);
      expect(code, postfix.log()).toBe(235);
      expect(await auth('alice@example.org', 'Wrong-Password-1!')).toBe(535);
      const plain = await smtpAuthPlain(postfix.smtpPort, 'alice@example.org', OLD);
      expect(plain.ehlo).not.toMatch(/AUTH/);
      expect(plain.code).toBe(503);
    });

    it('refuses the old password and accepts the new one right after changeOwnPassword with the Dovecot revokers', async () => {
      expect(await auth('alice@example.org', OLD)).toBe(235); // now in Dovecot's auth cache
      const result = await changeOwn('alice@example.org', OLD, NEW, [
        ...dovecotRevokers({ config: dovecot.config }),
      ]);
      expect(result).toMatchObject({ ok: true, revocation: { done: ['dovecot-auth-cache'], pending: [] } });
      expect(await auth('alice@example.org', OLD)).toBe(535);
      expect(await auth('alice@example.org', NEW)).toBe(235);
    });

    it('does the same after `passrotate set --dovecot-config`', async () => {
      expect(await auth('alice@example.org', NEW)).toBe(235);
      const run = await runCli(
        [
          'set',
          '--store',
          `sqlite:${file}`,
          '--account',
          'alice@example.org',
          '--scheme',
          'SHA512-CRYPT',
          '--dovecot-config',
          dovecot.config,
        ],
        `${NEWER}\n`,
      );
      expect(run, dovecot.log()).toMatchObject({ code: 0, stdout: '' });
      expect(await auth('alice@example.org', NEW)).toBe(535);
      expect(await auth('alice@example.org', NEWER)).toBe(235);
    });

    it('(control) without the auth-cache flush the cached old password still authenticates SMTP', async () => {
      expect(await auth('bob@example.org', OLD)).toBe(235);
      // The kick revoker alone does not run with revoke: 'none', so nothing flushes the cache.
      const result = await changeOwn('bob@example.org', OLD, NEW, [
        dovecotSessionRevoker({ config: dovecot.config }),
      ]);
      expect(result).toMatchObject({ ok: true, revocation: { done: [], pending: [] } });
      expect(await auth('bob@example.org', OLD)).toBe(235);
    });
  },
);
