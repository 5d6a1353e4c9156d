import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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
import { connectImap, imapLoginWorks } from '../support/imap-client.js';

const MAIN = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const SLOTS = 5;

describe.skipIf(dovecotBinary === undefined)(
  'App passwords in mailbox_app_password, read by Dovecot next to the main password',
  { timeout: 90_000 },
  () => {
    let dir: string;
    let file: string;
    let db: Database.Database;
    let dovecot: DovecotInstance;
    const deps = (overrides: Partial<RotationDeps> = {}): RotationDeps => ({
      store: sqliteCredentialStore({ db }),
      hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
      policy: presets.mailbox,
      appPasswords: sqliteAppPasswordStore({ db }),
      appPasswordRevokers: dovecotRevokers({ config: dovecot.config }),
      ...overrides,
    });
    const create = async (account: string, name: string, overrides: Partial<RotationDeps> = {}) => {
      const result = await createAppPassword(deps(overrides), { account, name });
      if (!result.ok) throw new Error(`createAppPassword: ${result.code}`);
      return result;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-apppw-'));
      chmodSync(dir, 0o755);
      file = join(dir, 'mail.sqlite');
      db = new Database(file);
      migrateSqlite({ db });
      const store = sqliteCredentialStore({ db });
      for (const account of ['alice@example.org', 'bob@example.org', 'carol@example.org']) {
        await store.createMailbox({
          account,
          passwordHash: await hashPassword(MAIN, { scheme: 'SHA512-CRYPT' }),
        });
      }
      chmodSync(file, 0o666);
      dovecot = await startDovecot({
        passdb: { driver: 'sqlite', database: file },
        extraPassdbs: appPasswordPassdbs(dir, { driver: 'sqlite', connect: file }, SLOTS),
      });
    });
    afterAll(async () => {
      await dovecot?.stop();
      db?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('logs in over IMAP with every app password and the main password, never at web sign-in', async () => {
      const phone = await create('alice@example.org', 'Phone');
      const laptop = await create('alice@example.org', 'Laptop');
      expect(phone.password).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', phone.password), dovecot.log()).toBe(
        true,
      );
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', laptop.password)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', MAIN)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', 'abcd-efgh-ijkl-mnop')).toBe(false);
      // Another account's app password opens nothing.
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', phone.password)).toBe(false);

      expect(await verifyLogin(deps(), { account: 'alice@example.org', password: phone.password })).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });
      expect(await verifyLogin(deps(), { account: 'alice@example.org', password: MAIN })).toMatchObject({
        ok: true,
      });
    });

    it('refuses a revoked app password at once and drops the IMAP session held on it', async () => {
      const tablet = await create('alice@example.org', 'Tablet');
      const kept = await create('alice@example.org', 'Desktop');
      // Cached by Dovecot's auth cache, and held open.
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', tablet.password)).toBe(true);
      const held = await connectImap(dovecot.port);
      expect((await held.login('alice@example.org', tablet.password)).status).toBe('OK');
      expect((await held.command('SELECT INBOX')).status).toBe('OK');

      const result = await revokeAppPassword(deps(), { account: 'alice@example.org', id: tablet.id });
      expect(result).toEqual({
        ok: true,
        revocation: { done: ['app-password:dovecot-auth-cache', 'app-password:dovecot'], pending: [] },
      });

      await held.closed;
      expect(held.transcript()).toContain('* BYE');
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', tablet.password)).toBe(false);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', kept.password)).toBe(true);
    });

    it('a main-password change revokes the app passwords by default, and keeps them when the policy says so', async () => {
      const bobs = await create('bob@example.org', 'Phone');
      const carols = await create('carol@example.org', 'Phone');
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', bobs.password)).toBe(true); // cached
      expect(await imapLoginWorks(dovecot.port, 'carol@example.org', carols.password)).toBe(true);
      const change = (account: string, overrides: Partial<RotationDeps>) =>
        // Wired as the docs show: the always-run auth-cache flush (plus the kick) on every change.
        changeOwnPassword(deps({ revokers: dovecotRevokers({ config: dovecot.config }), ...overrides }), {
          account,
          currentPassword: MAIN,
          newPassword: NEW,
          confirmation: NEW,
          revoke: 'none',
        });

      expect(await change('bob@example.org', {})).toMatchObject({
        ok: true,
        revocation: { done: expect.arrayContaining(['app-passwords', 'dovecot-auth-cache']), pending: [] },
      });
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', bobs.password)).toBe(false);
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', NEW)).toBe(true);

      expect(await change('carol@example.org', { revokeAppPasswordsOnChange: false })).toMatchObject({
        ok: true,
      });
      expect(await imapLoginWorks(dovecot.port, 'carol@example.org', carols.password)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'carol@example.org', MAIN)).toBe(false);
    });
  },
);
