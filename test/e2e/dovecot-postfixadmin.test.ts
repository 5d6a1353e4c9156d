import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/adapters/postgres/index.js';
import { migrateSqlite } from '../../src/adapters/sqlite/index.js';
import { type DovecotInstance, type DovecotPassdb, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import {
  createPostfixadmin,
  type PostfixadminDatabase,
  type PostfixadminInstance,
  requirePostfixadmin,
  skipWithoutPostfixadmin,
} from '../support/postfixadmin.js';
import { createScratchDatabase, pgUrl } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';

/**
 * Postfixadmin's expiry-aware passdb query (DOCUMENTS/Password_Expiration.md, "Changes in
 * Dovecot"), without its userdb_* columns; `now` is the dialect's current time.
 */
const expiryAwareQuery = (now: string): string =>
  'SELECT m.username AS user, m.password FROM mailbox m, domain d ' +
  `WHERE d.domain = m.domain AND m.username = '%u' AND m.active = '1' AND (m.password_expiry > ${now} OR d.password_expiry = 0)`;

interface Backend {
  readonly spec: string;
  readonly database: PostfixadminDatabase;
  readonly passdb: DovecotPassdb;
  migrate(): Promise<void>;
  /** Runs one statement on the database (test setup). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-dc-pfa-'));
  const file = join(dir, 'postfixadmin.db');
  return {
    spec: `sqlite:${file}`,
    database: { kind: 'sqlite', file },
    passdb: { driver: 'sqlite', database: file, passwordQuery: expiryAwareQuery("datetime('now')") },
    async migrate() {
      const db = new Database(file);
      migrateSqlite({ db, mailboxTable: false });
      db.close();
    },
    async exec(sql) {
      const db = new Database(file);
      db.exec(sql);
      db.close();
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const scratch = await createScratchDatabase(pgUrl ?? '');
  return {
    spec: scratch.url,
    database: { kind: 'postgres', url: scratch.url },
    passdb: { driver: 'pgsql', url: scratch.url, passwordQuery: expiryAwareQuery('now()') },
    migrate: () => migratePostgres({ pool: scratch.pool, mailboxTable: false }),
    async exec(sql) {
      await scratch.pool.query(sql);
    },
    close: () => scratch.drop(),
  };
}

const backends = [
  ['SQLite', sqliteBackend, false],
  ['PostgreSQL', postgresBackend, pgUrl === undefined && process.env.CI !== 'true'],
] as const;

for (const [name, makeBackend, skipBackend] of backends) {
  describe.skipIf(
    skipWithoutPostfixadmin || skipBackend || (dovecotBinary === undefined && process.env.CI !== 'true'),
  )(
    `Dovecot with Postfixadmin's expiry-aware query on its own ${name} schema, after passrotate set`,
    { timeout: 120_000 },
    () => {
      let backend: Backend;
      let pfa: PostfixadminInstance;
      let dovecot: DovecotInstance;

      beforeAll(async () => {
        requirePostfixadmin();
        if (dovecotBinary === undefined) throw new Error('PASSROTATE_TEST_DOVECOT is not set');
        if (name === 'PostgreSQL' && pgUrl === undefined)
          throw new Error('PASSROTATE_TEST_PG_URL is not set');
        backend = await makeBackend();
        pfa = await createPostfixadmin(backend.database, 'dovecot:SHA512-CRYPT');
        await pfa.addDomain('example.org');
        await pfa.addDomain('never.org', { passwordExpiryDays: 0 });
        for (const account of ['alice@example.org', 'bob@example.org', 'carol@never.org']) {
          await pfa.addMailbox(account, OLD);
        }
        await backend.migrate();
        dovecot = await startDovecot({ passdb: backend.passdb });
      }, 120_000);
      afterAll(async () => {
        await dovecot?.stop();
        pfa?.remove();
        await backend?.close();
      });

      it('accepts the new password, refuses the old one, and drops a session held open', async () => {
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD), dovecot.log()).toBe(true);
        const held = await connectImap(dovecot.port);
        expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
        expect((await held.command('SELECT INBOX')).status).toBe('OK');

        const run = await runCli(
          [
            'set',
            '--store',
            backend.spec,
            '--account',
            'alice@example.org',
            '--dovecot-config',
            dovecot.config,
          ],
          `${NEW}\n`,
        );
        expect(run, dovecot.log()).toMatchObject({ code: 0, stdout: '' });

        await held.closed;
        expect(held.transcript()).toContain('* BYE');
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', NEW), dovecot.log()).toBe(true);
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(false);
        expect(await pfa.login('alice@example.org', NEW)).toBe(true);
      });

      it('a password past its Postfixadmin expiry is refused, and passrotate set makes the mailbox usable again', async () => {
        await backend.exec(
          "UPDATE mailbox SET password_expiry = '2001-01-01 00:00:00' WHERE username = 'bob@example.org'",
        );
        expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(false);
        const run = await runCli(
          [
            'set',
            '--store',
            backend.spec,
            '--account',
            'bob@example.org',
            '--dovecot-config',
            dovecot.config,
          ],
          `${NEW}\n`,
        );
        expect(run.code, run.stderr).toBe(0);
        expect(await imapLoginWorks(dovecot.port, 'bob@example.org', NEW), dovecot.log()).toBe(true);
        expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(false);
      });

      it('a domain without expiry days keeps logging in after passrotate set', async () => {
        const run = await runCli(
          [
            'set',
            '--store',
            backend.spec,
            '--account',
            'carol@never.org',
            '--dovecot-config',
            dovecot.config,
          ],
          `${NEW}\n`,
        );
        expect(run.code, run.stderr).toBe(0);
        expect(await imapLoginWorks(dovecot.port, 'carol@never.org', NEW), dovecot.log()).toBe(true);
        expect(await imapLoginWorks(dovecot.port, 'carol@never.org', OLD)).toBe(false);
      });
    },
  );
}
