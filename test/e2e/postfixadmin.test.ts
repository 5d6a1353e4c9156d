import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryNotifier } from '../../src/adapters/memory/index.js';
import {
  migrateMysql,
  mysqlCredentialStore,
  mysqlExpiryReminderLog,
  mysqlRecoveryAddresses,
} from '../../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresCredentialStore,
  postgresExpiryReminderLog,
  postgresRecoveryAddresses,
} from '../../src/adapters/postgres/index.js';
import { parseSqlTime } from '../../src/adapters/sql/password-expiry.js';
import {
  migrateSqlite,
  sqliteCredentialStore,
  sqliteExpiryReminderLog,
  sqliteRecoveryAddresses,
} from '../../src/adapters/sqlite/index.js';
import { createHasher } from '../../src/hash/index.js';
import { presets } from '../../src/index.js';
import type { CredentialStore, ExpiryReminderLog, RecoveryAddressSource } from '../../src/ports/index.js';
import {
  changeOwnPassword,
  expireDuePasswords,
  type RotationDeps,
  sendExpiryReminders,
  verifyLogin,
} from '../../src/rotation/index.js';
import { createScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import {
  createPostfixadmin,
  type PostfixadminDatabase,
  type PostfixadminInstance,
  requirePostfixadmin,
  skipWithoutPostfixadmin,
} from '../support/postfixadmin.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const DAY = 86_400_000;
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/** One database Postfixadmin created, with the raw access the assertions need. */
interface Backend {
  readonly spec: string;
  readonly database: PostfixadminDatabase;
  /** passrotate's own tables beside Postfixadmin's (what the CLI does at start). */
  migrate(): Promise<void>;
  store(): CredentialStore;
  /** The mailbox's `email_other` as our recovery-address adapter reads it. */
  recoveryAddresses(): RecoveryAddressSource;
  /** The mailbox row as stored, times as Dates. */
  row(account: string): Promise<{ password: string; modified: Date; expiry: Date }>;
  /** Makes every password write of `account` fail inside the database. */
  lock(account: string): Promise<void>;
  /** Sets the mailbox's `password_expiry` as Postfixadmin would store `when`. */
  backdate(account: string, when: Date): Promise<void>;
  reminders(): ExpiryReminderLog;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-pfa-sqlite-'));
  const file = join(dir, 'postfixadmin.db');
  let db: Database.Database | undefined;
  const open = (): Database.Database => {
    db ??= new Database(file);
    return db;
  };
  return {
    spec: `sqlite:${file}`,
    database: { kind: 'sqlite', file },
    migrate: async () => migrateSqlite({ db: open(), mailboxTable: false }),
    store: () => sqliteCredentialStore({ db: open() }),
    recoveryAddresses: () => sqliteRecoveryAddresses({ db: open() }),
    async row(account) {
      const r = open()
        .prepare('SELECT password, modified, password_expiry FROM mailbox WHERE username = ?')
        .get(account) as { password: string; modified: string; password_expiry: string };
      return {
        password: r.password,
        modified: parseSqlTime(r.modified) as Date,
        expiry: parseSqlTime(r.password_expiry) as Date,
      };
    },
    async backdate(account, when) {
      open()
        .prepare('UPDATE mailbox SET password_expiry = ? WHERE username = ?')
        .run(when.toISOString().slice(0, 19).replace('T', ' '), account);
    },
    reminders: () => sqliteExpiryReminderLog({ db: open() }),
    async lock(account) {
      open().exec(`CREATE TRIGGER locked BEFORE UPDATE OF password ON mailbox WHEN NEW.username = '${account}'
        BEGIN SELECT RAISE(ABORT, 'locked'); END`);
    },
    async close() {
      db?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const scratch: ScratchDatabase = await createScratchDatabase(pgUrl ?? '');
  return {
    spec: scratch.url,
    database: { kind: 'postgres', url: scratch.url },
    migrate: () => migratePostgres({ pool: scratch.pool, mailboxTable: false }),
    store: () => postgresCredentialStore({ pool: scratch.pool }),
    recoveryAddresses: () => postgresRecoveryAddresses({ pool: scratch.pool }),
    async row(account) {
      const res = await scratch.pool.query<{ password: string; modified: Date; password_expiry: Date }>(
        'SELECT password, modified, password_expiry FROM mailbox WHERE username = $1',
        [account],
      );
      const r = res.rows[0];
      if (!r) throw new Error(`no row ${account}`);
      return { password: r.password, modified: r.modified, expiry: r.password_expiry };
    },
    async backdate(account, when) {
      await scratch.pool.query('UPDATE mailbox SET password_expiry = $1 WHERE username = $2', [
        when,
        account,
      ]);
    },
    reminders: () => postgresExpiryReminderLog({ pool: scratch.pool }),
    async lock(account) {
      await scratch.pool.query(
        `ALTER TABLE mailbox ADD CONSTRAINT locked CHECK (username <> '${account}' OR password = '') NOT VALID`,
      );
    },
    async close() {
      await scratch.drop();
    },
  };
}

/** A MariaDB DATETIME (session time zone) as epoch milliseconds, past 2038 too. */
const epochMs = (column: string): string =>
  `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CONVERT_TZ(${column}, @@session.time_zone, '+00:00')) * 1000`;

async function mariadbBackend(): Promise<Backend> {
  const scratch = await createScratchMysqlDatabase();
  return {
    spec: scratch.url,
    database: { kind: 'mysql', url: scratch.url },
    migrate: () => migrateMysql({ pool: scratch.pool, mailboxTable: false }),
    store: () => mysqlCredentialStore({ pool: scratch.pool }),
    recoveryAddresses: () => mysqlRecoveryAddresses({ pool: scratch.pool }),
    async row(account) {
      const [rows] = await scratch.pool.query<RowDataPacket[]>(
        `SELECT password, ${epochMs('modified')} AS modified, ${epochMs('password_expiry')} AS expiry
         FROM mailbox WHERE username = ?`,
        [account],
      );
      const r = rows[0];
      if (!r) throw new Error(`no row ${account}`);
      return {
        password: String(r.password),
        modified: new Date(Number(r.modified)),
        expiry: new Date(Number(r.expiry)),
      };
    },
    async backdate(account, when) {
      await scratch.pool.query(
        "UPDATE mailbox SET password_expiry = CONVERT_TZ(?, '+00:00', @@session.time_zone) WHERE username = ?",
        [when.toISOString().slice(0, 19).replace('T', ' '), account],
      );
    },
    reminders: () => mysqlExpiryReminderLog({ pool: scratch.pool }),
    async lock(account) {
      await scratch.pool.query(
        `CREATE TRIGGER locked BEFORE UPDATE ON mailbox FOR EACH ROW BEGIN
           IF NEW.username = '${account}' THEN
             SIGNAL SQLSTATE '23000' SET MYSQL_ERRNO = 1048, MESSAGE_TEXT = 'locked';
           END IF;
         END`,
      );
    },
    close: () => scratch.drop(),
  };
}

const near = (actual: Date, expected: number, slackMs = 120_000): void => {
  expect(
    Math.abs(actual.getTime() - expected),
    `${actual.toISOString()} vs ${new Date(expected).toISOString()}`,
  ).toBeLessThan(slackMs);
};

const backends: readonly (readonly [string, () => Promise<Backend>, boolean])[] = [
  ['SQLite', sqliteBackend, false],
  ['PostgreSQL', postgresBackend, pgUrl === undefined && process.env.CI !== 'true'],
  ['MariaDB', mariadbBackend, skipMysql],
];

for (const [name, makeBackend, skipBackend] of backends) {
  describe.skipIf(skipWithoutPostfixadmin || skipBackend)(
    `passrotate on a ${name} database Postfixadmin created (its upgrade code, its CLI, its Login)`,
    { timeout: 120_000 },
    () => {
      let backend: Backend;
      let pfa: PostfixadminInstance;

      beforeAll(async () => {
        requirePostfixadmin();
        if (name === 'PostgreSQL' && pgUrl === undefined)
          throw new Error('PASSROTATE_TEST_PG_URL is not set');
        backend = await makeBackend();
        pfa = await createPostfixadmin(backend.database, 'dovecot:SHA512-CRYPT');
        await pfa.addDomain('example.org'); // Postfixadmin's default: 365 days
        await pfa.addDomain('short.org', { passwordExpiryDays: 30 });
        await pfa.addDomain('never.org', { passwordExpiryDays: 0 });
        await pfa.addDomain('daily.org', { passwordExpiryDays: 1 });
        for (const account of [
          'alice@example.org',
          'bob@short.org',
          'carol@never.org',
          'dave@example.org',
          'erin@example.org',
          'frank@example.org',
          'locked@example.org',
          'gina@short.org',
          'hugo@short.org',
          'ivan@daily.org',
        ]) {
          await pfa.addMailbox(account, OLD);
        }
        await backend.migrate();
      }, 120_000);
      afterAll(async () => {
        pfa?.remove();
        await backend?.close();
      });

      it("reads the recovery address Postfixadmin's CLI stores in email_other ('' is none)", async () => {
        await pfa.cli(['mailbox', 'update', 'frank@example.org', '--email-other', 'frank@home.example']);
        const addresses = backend.recoveryAddresses();
        expect(await addresses.recoveryAddress('Frank@example.org')).toBe('frank@home.example');
        expect(await addresses.recoveryAddress('erin@example.org')).toBeNull();
        expect(await addresses.recoveryAddress('nobody@example.org')).toBeNull();
      });

      it('reads changedAt of a mailbox passrotate never wrote from its modified column', async () => {
        const row = await backend.row('alice@example.org');
        const record = await backend.store().get('alice@example.org');
        expect(record?.changedAt).toEqual(row.modified);
        near(row.modified, Date.now());
      });

      it('passrotate set: modified is now, password_expiry is now + the domain days, and Postfixadmin logs in with the new password only', async () => {
        const cases = [
          ['alice@example.org', 365],
          ['bob@short.org', 30],
          ['carol@never.org', null],
        ] as const;
        for (const [account, days] of cases) {
          const run = await runCli(['set', '--store', backend.spec, '--account', account], `${NEW}\n`);
          expect(run, account).toMatchObject({ code: 0, stdout: '' });
          const row = await backend.row(account);
          near(row.modified, Date.now());
          if (days === null) expect(row.expiry).toEqual(FAR_FUTURE);
          else near(row.expiry, row.modified.getTime() + days * DAY, 1000);
          near((await backend.store().get(account))?.changedAt ?? new Date(0), row.modified.getTime(), 1000);
          expect(await pfa.login(account, NEW)).toBe(true);
          expect(await pfa.login(account, OLD)).toBe(false);
        }
      });

      it("passrotate set --generate --temporary: the earlier of its own 72 hours and the domain's days", async () => {
        const cases = [
          ['erin@example.org', 72 * 3_600_000],
          ['ivan@daily.org', DAY],
        ] as const;
        for (const [account, lifetime] of cases) {
          const run = await runCli([
            'set',
            '--store',
            backend.spec,
            '--account',
            account,
            '--generate',
            '--temporary',
          ]);
          expect(run.code, run.stderr).toBe(0);
          near((await backend.row(account)).expiry, Date.now() + lifetime);
          expect(await pfa.login(account, run.stdout.trim())).toBe(true);
        }
      });

      it('a rehash on login keeps the change time, touches modified, leaves the expiry, and Postfixadmin still logs in', async () => {
        const before = await backend.row('dave@example.org');
        await new Promise((r) => setTimeout(r, 1100)); // so "modified = now" is visible at second precision
        const deps: RotationDeps = {
          store: backend.store(),
          hasher: createHasher({ default: { scheme: 'ARGON2ID', params: { m: 8192, t: 1, p: 1 } } }),
          policy: presets.mailbox,
          revokers: [],
        };
        const login = await verifyLogin(deps, { account: 'dave@example.org', password: OLD });
        expect(login).toMatchObject({ ok: true, rehashed: true });
        const after = await backend.row('dave@example.org');
        expect(after.password.startsWith('{ARGON2ID}')).toBe(true);
        expect(after.modified.getTime()).toBeGreaterThan(before.modified.getTime());
        near(after.modified, Date.now());
        expect(after.expiry).toEqual(before.expiry);
        expect((await backend.store().get('dave@example.org'))?.changedAt).toEqual(before.modified);
        expect(await pfa.login('dave@example.org', OLD)).toBe(true);
      });

      it("changeOwnPassword writes a hash Postfixadmin's Login accepts, and it refuses the old one", async () => {
        const deps: RotationDeps = {
          store: backend.store(),
          hasher: createHasher({ default: { scheme: 'BLF-CRYPT', params: { cost: 5 } } }),
          policy: presets.mailbox,
          revokers: [],
        };
        const result = await changeOwnPassword(deps, {
          account: 'frank@example.org',
          currentPassword: OLD,
          newPassword: NEW,
          confirmation: NEW,
        });
        expect(result).toMatchObject({ ok: true, version: 2 });
        const row = await backend.row('frank@example.org');
        near(row.expiry, row.modified.getTime() + 365 * DAY, 1000);
        expect(await pfa.login('frank@example.org', NEW)).toBe(true);
        expect(await pfa.login('frank@example.org', OLD)).toBe(false);
      });

      it("rotate-domain gives short.org passwords Postfixadmin accepts, expiring after the domain's 30 days", async () => {
        const out = join(pfa.dir, 'rotated.json');
        const run = await runCli([
          'rotate-domain',
          '--store',
          backend.spec,
          '--domain',
          'short.org',
          '--no-temporary',
          '--out',
          out,
        ]);
        expect(run.code, run.stderr).toBe(0);
        const { mailboxes } = JSON.parse(readFileSync(out, 'utf8')) as {
          mailboxes: { account: string; password: string; status: string }[];
        };
        expect(mailboxes.map((m) => [m.account, m.status])).toEqual([
          ['bob@short.org', 'ok'],
          ['gina@short.org', 'ok'],
          ['hugo@short.org', 'ok'],
        ]);
        for (const { account, password } of mailboxes) {
          expect(await pfa.login(account, password)).toBe(true);
          near((await backend.row(account)).expiry, Date.now() + 30 * DAY);
        }
      });

      it("follows the domain's password_expiry: listed, reminded once, expired to a forced change, renewed by the change", async () => {
        await pfa.addDomain('aged.org', { passwordExpiryDays: 10 });
        await pfa.addMailbox('kim@aged.org', OLD);
        await pfa.addMailbox('leo@aged.org', OLD);
        const store = backend.store();
        // Mailboxes Postfixadmin wrote (no passrotate state): the expiry is its column, as the domain has days.
        near((await store.get('leo@aged.org'))?.expiresAt ?? new Date(0), Date.now() + 10 * DAY);
        expect((await store.get('carol@never.org'))?.expiresAt).toBeNull();
        await backend.backdate('kim@aged.org', new Date(Date.now() - DAY));
        const listed = await store.listExpiringBefore?.(new Date(Date.now() + 11 * DAY), {
          domain: 'aged.org',
        });
        expect(listed?.mailboxes.map((m) => m.account)).toEqual(['kim@aged.org', 'leo@aged.org']);

        const notifier = memoryNotifier();
        const deps: RotationDeps = {
          store,
          hasher: createHasher({ default: { scheme: 'SHA512-CRYPT', params: { rounds: 5000 } } }),
          policy: presets.mailbox,
          revokers: [],
          notifier,
          expiryReminders: backend.reminders(),
        };
        const runs = await Promise.all([
          sendExpiryReminders(deps, { days: [14, 3], domain: 'aged.org' }),
          sendExpiryReminders(deps, { days: [14, 3], domain: 'aged.org' }),
        ]);
        expect(runs.map((r) => (r.ok ? r.sent : -1)).sort()).toEqual([0, 1]);
        expect(notifier.sent.map((n) => [n.kind, n.account])).toEqual([
          ['password_expiring', 'leo@aged.org'],
        ]);

        expect(await expireDuePasswords(deps, { domain: 'aged.org' })).toMatchObject({
          ok: true,
          expired: ['kim@aged.org'],
        });
        expect(await expireDuePasswords(deps, { domain: 'aged.org' })).toMatchObject({
          ok: true,
          expired: [],
        });
        expect(await verifyLogin(deps, { account: 'kim@aged.org', password: OLD })).toMatchObject({
          ok: true,
          mustChange: true,
        });
        // Dovecot's query still refuses it over IMAP: the column stays in the past until the change.
        expect((await backend.row('kim@aged.org')).expiry.getTime()).toBeLessThan(Date.now());
        expect(
          await changeOwnPassword(deps, {
            account: 'kim@aged.org',
            currentPassword: OLD,
            newPassword: NEW,
            confirmation: NEW,
          }),
        ).toMatchObject({ ok: true });
        const renewed = await store.get('kim@aged.org');
        expect(renewed?.mustChange).toBe(false);
        near(renewed?.expiresAt ?? new Date(0), Date.now() + 10 * DAY);
        near((await backend.row('kim@aged.org')).expiry, Date.now() + 10 * DAY);
        expect(await pfa.login('kim@aged.org', NEW)).toBe(true);
      });

      it('reports the cause of a storage failure, not the bare code, and changes nothing', async () => {
        await backend.lock('locked@example.org');
        const before = await backend.row('locked@example.org');
        const run = await runCli(
          ['set', '--store', backend.spec, '--account', 'locked@example.org'],
          `${NEW}\n`,
        );
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/not changed: storage_failure \((constraint|check|not_null)_violation\)/);
        expect(run.stderr).not.toContain(NEW);
        expect(await backend.row('locked@example.org')).toEqual(before);
        expect(await pfa.login('locked@example.org', OLD)).toBe(true);
      });
    },
  );
}
