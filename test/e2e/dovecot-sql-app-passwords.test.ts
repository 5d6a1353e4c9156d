/**
 * @module App passwords in `mailbox_app_password` on PostgreSQL and MariaDB, read by a real Dovecot
 * (dovecot-pgsql, dovecot-mysql) through the documented passdb slots next to the main password.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlConnectString, pgsqlConnectString } from '../../examples/shared/dovecot-server.js';
import { dovecotRevokers } from '../../src/adapters/dovecot/index.js';
import { migrateMysql, mysqlAppPasswordStore, mysqlCredentialStore } from '../../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresAppPasswordStore,
  postgresCredentialStore,
} from '../../src/adapters/postgres/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import {
  type AppPasswordStore,
  type CredentialStore,
  changeOwnPassword,
  createAppPassword,
  presets,
  type RotationDeps,
  revokeAppPassword,
  verifyLogin,
} from '../../src/index.js';
import { type AppPasswordSlotDatabase, appPasswordPassdbs } from '../support/app-password-passdbs.js';
import {
  type DovecotInstance,
  type DovecotPassdb,
  doveadm,
  dovecotBinary,
  startDovecot,
} from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../support/postgres.js';

const MAIN = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const SLOTS = 5;
const MAIN_QUERY = "SELECT username AS user, password FROM mailbox WHERE username = '%u' AND active = '1'";

/** One database under test: its stores, how Dovecot reaches it, and how to disable a mailbox there. */
interface Backend {
  readonly credentials: CredentialStore;
  readonly appPasswords: AppPasswordStore;
  readonly passdb: DovecotPassdb;
  readonly slots: AppPasswordSlotDatabase;
  deactivate(account: string): Promise<void>;
  close(): Promise<void>;
}

async function postgresBackend(): Promise<Backend> {
  const scratch: ScratchDatabase = await createScratchDatabase(pgUrl ?? '');
  await migratePostgres({ pool: scratch.pool });
  return {
    credentials: postgresCredentialStore({ pool: scratch.pool }),
    appPasswords: postgresAppPasswordStore({ pool: scratch.pool }),
    passdb: { driver: 'pgsql', url: scratch.url, passwordQuery: MAIN_QUERY },
    slots: { driver: 'pgsql', connect: pgsqlConnectString(scratch.url) },
    deactivate: async (account) => {
      await scratch.pool.query('UPDATE mailbox SET active = FALSE WHERE username = $1', [account]);
    },
    close: () => scratch.drop(),
  };
}

async function mysqlBackend(): Promise<Backend> {
  const scratch: ScratchMysqlDatabase = await createScratchMysqlDatabase();
  await migrateMysql({ pool: scratch.pool });
  const connect = mysqlConnectString({
    host: scratch.host,
    port: scratch.port,
    user: 'root',
    database: scratch.name,
  });
  return {
    credentials: mysqlCredentialStore({ pool: scratch.pool }),
    appPasswords: mysqlAppPasswordStore({ pool: scratch.pool }),
    passdb: { driver: 'mysql', connect, passwordQuery: MAIN_QUERY },
    slots: { driver: 'mysql', connect },
    deactivate: async (account) => {
      await scratch.pool.query('UPDATE mailbox SET active = 0 WHERE username = ?', [account]);
    },
    close: () => scratch.drop(),
  };
}

function appPasswordLoginSuite(name: string, skip: boolean, open: () => Promise<Backend>): void {
  describe.skipIf(skip)(
    `App passwords in mailbox_app_password on ${name}, read by Dovecot next to the main password`,
    { timeout: 120_000 },
    () => {
      let dir: string;
      let backend: Backend;
      let dovecot: DovecotInstance;
      const deps = (overrides: Partial<RotationDeps> = {}): RotationDeps => ({
        store: backend.credentials,
        hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
        policy: presets.mailbox,
        appPasswords: backend.appPasswords,
        appPasswordRevokers: dovecotRevokers({ config: dovecot.config }),
        ...overrides,
      });
      const create = async (account: string, device: string) => {
        const result = await createAppPassword(deps(), { account, name: device });
        if (!result.ok) throw new Error(`createAppPassword: ${result.code}`);
        return result;
      };
      const login = (account: string, password: string) => imapLoginWorks(dovecot.port, account, password);

      beforeAll(async () => {
        backend = await open();
        const passwordHash = await hashPassword(MAIN, { scheme: 'SHA512-CRYPT' });
        for (const account of ['alice@example.org', 'bob@example.org', 'carol@example.org']) {
          await backend.credentials.createMailbox({ account, passwordHash });
        }
        dir = mkdtempSync(join(tmpdir(), 'pr-e2e-apppw-sql-'));
        chmodSync(dir, 0o755);
        dovecot = await startDovecot({
          passdb: backend.passdb,
          extraPassdbs: appPasswordPassdbs(dir, backend.slots, SLOTS),
        });
      });
      afterAll(async () => {
        await dovecot?.stop();
        await backend?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      it('logs in over IMAP with the app passwords and the main password, never at web sign-in', async () => {
        const phone = await create('alice@example.org', 'Phone');
        const laptop = await create('alice@example.org', 'Laptop');
        expect(await login('alice@example.org', phone.password), dovecot.log()).toBe(true);
        expect(await login('alice@example.org', laptop.password)).toBe(true);
        expect(await login('alice@example.org', MAIN)).toBe(true);
        expect(await login('alice@example.org', 'abcd-efgh-ijkl-mnop')).toBe(false);
        expect(await login('bob@example.org', phone.password)).toBe(false);
        expect(await verifyLogin(deps(), { account: 'alice@example.org', password: phone.password })).toEqual(
          {
            ok: false,
            code: 'invalid_credentials',
          },
        );
      });

      it('refuses a revoked app password at once and drops the IMAP session held on it', async () => {
        const tablet = await create('alice@example.org', 'Tablet');
        expect(await login('alice@example.org', tablet.password)).toBe(true); // now cached
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
        expect(await login('alice@example.org', tablet.password)).toBe(false);
        expect((await backend.appPasswords.list('alice@example.org')).map((p) => p.name)).toEqual([
          'Phone',
          'Laptop',
        ]);
        expect(await login('alice@example.org', MAIN)).toBe(true);
      });

      it('a main-password change revokes them; a disabled mailbox logs in with none', async () => {
        const bobs = await create('bob@example.org', 'Phone');
        expect(await login('bob@example.org', bobs.password)).toBe(true); // cached
        const changed = await changeOwnPassword(
          deps({ revokers: dovecotRevokers({ config: dovecot.config }) }),
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
        expect(await login('bob@example.org', bobs.password)).toBe(false);
        expect(await login('bob@example.org', NEW)).toBe(true);

        const carols = await create('carol@example.org', 'Phone');
        expect(await login('carol@example.org', carols.password)).toBe(true);
        await backend.deactivate('carol@example.org');
        expect((await doveadm(dovecot.config, ['auth', 'cache', 'flush', 'carol@example.org'])).code).toBe(0);
        expect(await login('carol@example.org', carols.password)).toBe(false);
      });
    },
  );
}

appPasswordLoginSuite(
  'PostgreSQL (dovecot-pgsql)',
  dovecotBinary === undefined || pgUrl === undefined,
  postgresBackend,
);
appPasswordLoginSuite('MariaDB (dovecot-mysql)', dovecotBinary === undefined || skipMysql, mysqlBackend);
