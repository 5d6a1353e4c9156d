import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mysqlConnectString,
  POSTFIXADMIN_EXPIRY_PASSWORD_QUERY,
} from '../../examples/shared/dovecot-server.js';
import { migrateMysql, mysqlCredentialStore } from '../../src/adapters/mysql/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import { presets, verifyLogin } from '../../src/index.js';
import { type DovecotInstance, doveadm, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { runCli } from '../support/run-cli.js';
import { DEMO_PASSWORD, startTestDemo } from './support/demo.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';

describe.skipIf(dovecotBinary === undefined || skipMysql)(
  'Dovecot reading the MariaDB mailbox table (Postfixadmin expiry query), after passrotate set',
  { timeout: 120_000 },
  () => {
    let scratch: ScratchMysqlDatabase;
    let dovecot: DovecotInstance;
    let store: string;
    const settings = () => ({ host: scratch.host, port: scratch.port, user: 'root', database: scratch.name });
    const credentials = () => mysqlCredentialStore({ pool: scratch.pool });

    beforeAll(async () => {
      scratch = await createScratchMysqlDatabase();
      store = `mysql://root@${scratch.host}:${scratch.port}/${scratch.name}`;
      await migrateMysql({ pool: scratch.pool });
      // Postfixadmin's domain table, as far as its expiry query reads it: expiry in days, 0 = never.
      await scratch.pool.query(
        'CREATE TABLE domain (domain VARCHAR(255) NOT NULL PRIMARY KEY, password_expiry INT NOT NULL DEFAULT 0)',
      );
      await scratch.pool.query("INSERT INTO domain VALUES ('example.org', 0), ('expiring.org', 90)");
      const hash = await hashPassword(OLD, { scheme: 'SHA512-CRYPT' });
      for (const account of ['alice@example.org', 'bob@example.org']) {
        await credentials().createMailbox({ account, passwordHash: hash });
      }
      await credentials().createMailbox({
        account: 'erin@expiring.org',
        passwordHash: hash,
        expiresAt: new Date(Date.now() - 60_000),
      });
      dovecot = await startDovecot({
        passdb: {
          driver: 'mysql',
          connect: mysqlConnectString(settings()),
          passwordQuery: POSTFIXADMIN_EXPIRY_PASSWORD_QUERY,
        },
      });
    });
    afterAll(async () => {
      await dovecot?.stop();
      await scratch?.drop();
    });

    it('accepts the new password, refuses the old one at once, and drops a session held open', async () => {
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD), dovecot.log()).toBe(true);
      const held = await connectImap(dovecot.port);
      expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
      expect((await held.command('SELECT INBOX')).status).toBe('OK');
      expect((await doveadm(dovecot.config, ['who'])).stdout).toContain('alice@example.org');

      const run = await runCli(
        [
          'set',
          '--store',
          store,
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
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(true);
      expect(await credentials().get('alice@example.org')).toMatchObject({ version: 2, mustChange: false });
    });

    it('honours password_expiry as Dovecot reads it: expired refused, a temporary password admitted', async () => {
      expect(await imapLoginWorks(dovecot.port, 'erin@expiring.org', OLD)).toBe(false);
      // The same aged-out password still signs in on the web, but only to be changed.
      const web = {
        store: credentials(),
        hasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
        policy: presets.mailbox,
      };
      expect(await verifyLogin(web, { account: 'erin@expiring.org', password: OLD })).toMatchObject({
        ok: true,
        mustChange: true,
        expired: true,
      });
      const run = await runCli(
        [
          'set',
          '--store',
          store,
          '--account',
          'erin@expiring.org',
          '--temporary',
          '--scheme',
          'SHA512-CRYPT',
          '--dovecot-config',
          dovecot.config,
        ],
        `${NEW}\n`,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(await imapLoginWorks(dovecot.port, 'erin@expiring.org', NEW), dovecot.log()).toBe(true);
      const [rows] = await scratch.pool.query(
        "SELECT TIMESTAMPDIFF(MINUTE, NOW(), password_expiry) AS minutes FROM mailbox WHERE username = 'erin@expiring.org'",
      );
      // The temporary password's 72 hours (DATETIME keeps whole seconds, so allow the minute it was written in).
      const [{ minutes }] = rows as [{ minutes: number }];
      expect(minutes).toBeGreaterThanOrEqual(72 * 60 - 2);
      expect(minutes).toBeLessThanOrEqual(72 * 60);
    });

    it("runs the demo's Dovecot on MariaDB: seeded mailboxes log in over IMAP with their password only", async () => {
      const demoDatabase = await createScratchMysqlDatabase();
      const demo = await startTestDemo({
        database: demoDatabase.url,
        ...(dovecotBinary !== undefined ? { dovecotBinary } : {}),
      });
      try {
        const port = demo.dovecot?.port ?? 0;
        expect(port).toBeGreaterThan(0);
        expect(await imapLoginWorks(port, 'carol@example.org', DEMO_PASSWORD)).toBe(true);
        expect(await imapLoginWorks(port, 'dave@example.net', DEMO_PASSWORD)).toBe(true);
        expect(await imapLoginWorks(port, 'carol@example.org', `${DEMO_PASSWORD}x`)).toBe(false);
      } finally {
        await demo.stop();
        await demoDatabase.drop();
      }
    });
  },
);
