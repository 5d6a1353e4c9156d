import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotRevokers, dovecotSessionRevoker } from '../../src/adapters/dovecot/index.js';
import { migrateSqlite, sqliteCredentialStore, sqliteSessionStore } from '../../src/adapters/sqlite/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import { changeOwnPassword, presets, sessionStoreRevoker } from '../../src/index.js';
import type { SessionRevoker } from '../../src/ports/index.js';
import { type DovecotInstance, doveadm, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { runCli } from '../support/run-cli.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';

describe.skipIf(dovecotBinary === undefined)(
  'Dovecot reading the SQLite mailbox table, after passrotate set',
  { timeout: 90_000 },
  () => {
    let dir: string;
    let file: string;
    let dovecot: DovecotInstance;
    const store = (): ReturnType<typeof sqliteCredentialStore> =>
      sqliteCredentialStore({ db: new Database(file) });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-sqlite-'));
      chmodSync(dir, 0o755);
      file = join(dir, 'mail.sqlite');
      const db = new Database(file);
      migrateSqlite({ db });
      const s = sqliteCredentialStore({ db });
      for (const account of [
        'alice@example.org',
        'bob@example.org',
        'carol@example.org',
        'dave@example.org',
        'erin@example.org',
      ]) {
        await s.createMailbox({ account, passwordHash: await hashPassword(OLD, { scheme: 'SHA512-CRYPT' }) });
      }
      db.close();
      chmodSync(file, 0o644);
      dovecot = await startDovecot({ passdb: { driver: 'sqlite', database: file } });
    });
    afterAll(async () => {
      await dovecot?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('accepts the new password, refuses the old one at once, and drops a session held open', async () => {
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(true);
      const held = await connectImap(dovecot.port);
      expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
      expect((await held.command('SELECT INBOX')).status).toBe('OK');
      expect((await doveadm(dovecot.config, ['who'])).stdout).toContain('alice@example.org');

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
        `${NEW}\n`,
      );
      expect(run, dovecot.log()).toMatchObject({ code: 0, stdout: '' });

      await held.closed;
      expect(held.transcript()).toContain('* BYE');
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', NEW)).toBe(true);
      // The auth cache held the old hash; only the flush makes the old password fail right away.
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(false);
      expect(await store().get('alice@example.org')).toMatchObject({ version: 2, mustChange: false });
    });

    it('prints a generated BLF-CRYPT password once, which Dovecot then accepts', async () => {
      const run = await runCli([
        'set',
        '--store',
        `sqlite:${file}`,
        '--account',
        'bob@example.org',
        '--generate',
        '--scheme',
        'BLF-CRYPT',
        '--dovecot-config',
        dovecot.config,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const generated = run.stdout.trim();
      expect(generated.length).toBeGreaterThanOrEqual(8);
      expect((await store().get('bob@example.org'))?.passwordHash.startsWith('{BLF-CRYPT}')).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', generated)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(false);
    });

    it('refuses a password that breaks the policy and changes nothing', async () => {
      const before = await store().get('carol@example.org');
      const run = await runCli(
        ['set', '--store', `sqlite:${file}`, '--account', 'carol@example.org'],
        'short\n',
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('too_short');
      expect(run.stderr).not.toContain('short\n'.repeat(2));
      expect(await store().get('carol@example.org')).toEqual(before);
      expect(await imapLoginWorks(dovecot.port, 'carol@example.org', OLD)).toBe(true);
    });

    /** Changes `account`'s password in code with `revoke: 'none'` (keep my sessions) over `revokers`. */
    async function changeKeepingSessions(
      account: string,
      revokers: (db: Database.Database) => SessionRevoker[],
    ) {
      const db = new Database(file);
      try {
        return await changeOwnPassword(
          {
            store: sqliteCredentialStore({ db }),
            hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
            policy: presets.mailbox,
            revokers: revokers(db),
          },
          { account, currentPassword: OLD, newPassword: NEW, confirmation: NEW, revoke: 'none' },
        );
      } finally {
        db.close();
      }
    }

    it("refuses the old password at once after a change with revoke: 'none', wired as the docs show", async () => {
      expect(await imapLoginWorks(dovecot.port, 'dave@example.org', OLD)).toBe(true); // now in the auth cache
      const held = await connectImap(dovecot.port);
      expect((await held.login('dave@example.org', OLD)).status).toBe('OK');
      const result = await changeKeepingSessions('dave@example.org', (db) => [
        sessionStoreRevoker(sqliteSessionStore({ db })),
        ...dovecotRevokers({ config: dovecot.config }),
      ]);
      expect(result).toMatchObject({ ok: true, revocation: { done: ['dovecot-auth-cache'], pending: [] } });
      expect(await imapLoginWorks(dovecot.port, 'dave@example.org', OLD)).toBe(false);
      expect(await imapLoginWorks(dovecot.port, 'dave@example.org', NEW)).toBe(true);
      expect((await held.command('NOOP')).status).toBe('OK'); // 'none' keeps the live session
      held.close();
    });

    it("(control) the kick revoker alone runs nothing with revoke: 'none', so the cache keeps the old password", async () => {
      expect(await imapLoginWorks(dovecot.port, 'erin@example.org', OLD)).toBe(true);
      const result = await changeKeepingSessions('erin@example.org', () => [
        dovecotSessionRevoker({ config: dovecot.config }),
      ]);
      expect(result).toMatchObject({ ok: true, revocation: { done: [], pending: [] } });
      expect(await imapLoginWorks(dovecot.port, 'erin@example.org', OLD)).toBe(true);
    });
  },
);
