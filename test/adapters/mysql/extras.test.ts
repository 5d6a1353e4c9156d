import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migrateMysql,
  mysqlAttemptLimiter,
  mysqlAuditSink,
  mysqlCredentialStore,
  mysqlSessionStore,
} from '../../../src/adapters/mysql/index.js';
import type { CredentialStore } from '../../../src/ports/index.js';
import { sessionIdDigest } from '../../../src/ports/session-digest.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../../support/mysql.js';

const write = (account: string, passwordHash: string, expectedVersion = 1, historyLimit = 2) => ({
  account,
  expectedVersion,
  passwordHash,
  changedAt: new Date('2030-05-06T07:08:09.123Z'),
  mustChange: false,
  expiresAt: new Date('2030-06-01T00:00:00Z'),
  historyLimit,
  pendingRevocations: [],
});

describe.skipIf(skipMysql)(
  'mysql adapters beyond the conformance suites (MariaDB)',
  { timeout: 120_000 },
  () => {
    let scratch: ScratchMysqlDatabase;
    beforeAll(async () => {
      scratch = await createScratchMysqlDatabase();
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it('migrates concurrently and idempotently, and keeps the Postfixadmin row Dovecot reads', async () => {
      await Promise.all([1, 2, 3].map(() => migrateMysql({ pool: scratch.pool })));
      await migrateMysql({ pool: scratch.pool });
      const store = mysqlCredentialStore({ pool: scratch.pool });
      await store.createMailbox({
        account: 'Alice@Example.org',
        displayName: 'Alice Ünïcode',
        passwordHash: '{PLAIN}one',
      });
      expect(await store.setPassword(write('alice@example.org', '{SHA512-CRYPT}$6$two'))).toEqual({
        ok: true,
        version: 2,
      });
      const [rows] = await scratch.pool.query(
        `SELECT username AS user, password, name, local_part, domain, maildir, active,
         DATE_FORMAT(CONVERT_TZ(password_expiry, @@session.time_zone, '+00:00'), '%Y-%m-%d %H:%i:%s') AS expiry,
         DATE_FORMAT(CONVERT_TZ(modified, @@session.time_zone, '+00:00'), '%Y-%m-%d %H:%i:%s') AS modified
       FROM mailbox WHERE username = 'alice@example.org'`,
      );
      expect(rows).toEqual([
        {
          user: 'alice@example.org',
          password: '{SHA512-CRYPT}$6$two',
          name: 'Alice Ünïcode',
          local_part: 'alice',
          domain: 'example.org',
          maildir: 'example.org/alice/',
          active: 1,
          expiry: '2030-06-01 00:00:00',
          modified: '2030-05-06 07:08:09',
        },
      ]);
    });

    it('writes DATETIME values in the session time zone, the zone NOW() answers in', async () => {
      const pool = mysql.createPool({ uri: scratch.url, connectionLimit: 2 });
      pool.pool.on('connection', (connection) => {
        connection.query("SET time_zone = '+05:30'");
      });
      try {
        const store = mysqlCredentialStore({ pool });
        await store.createMailbox({ account: 'tz@example.org', passwordHash: '{PLAIN}tz' });
        const now = Date.now();
        expect(
          await store.setPassword({
            ...write('tz@example.org', '{PLAIN}tz2'),
            changedAt: new Date(now),
            expiresAt: new Date(now + 3_600_000),
          }),
        ).toMatchObject({ ok: true });
        const [rows] = await pool.query(
          `SELECT TIMESTAMPDIFF(MINUTE, NOW(), password_expiry) AS expires_in,
           TIMESTAMPDIFF(MINUTE, modified, NOW()) AS modified_ago FROM mailbox WHERE username = 'tz@example.org'`,
        );
        const [row] = rows as [{ expires_in: number; modified_ago: number }];
        expect(row.expires_in).toBeGreaterThanOrEqual(58);
        expect(row.expires_in).toBeLessThanOrEqual(60);
        expect(row.modified_ago).toBe(0);
      } finally {
        await pool.end();
      }
    });

    it('works on a mapped schema without a domain column (LIKE with escaped _)', async () => {
      await scratch.pool.query(
        'CREATE TABLE users (email VARCHAR(255) PRIMARY KEY, crypt VARCHAR(255) NOT NULL) DEFAULT CHARSET=latin1',
      );
      const schema = {
        table: 'users',
        account: 'email',
        password: 'crypt',
        domain: null,
        displayName: null,
        localPart: null,
        maildir: null,
        active: null,
        created: null,
        modified: null,
        passwordExpiry: null,
        prefix: 'pr_',
      };
      await migrateMysql({ pool: scratch.pool, schema, mailboxTable: false });
      await scratch.pool.query(
        "INSERT INTO users VALUES ('carol@my_domain.org', '{PLAIN}c'), ('dave@myxdomain.org', '{PLAIN}d')",
      );
      const store = mysqlCredentialStore({ pool: scratch.pool, schema });
      expect(await store.setPassword(write('carol@my_domain.org', '{PLAIN}c2'))).toEqual({
        ok: true,
        version: 2,
      });
      expect(await store.setPassword(write('carol@my_domain.org', '{PLAIN}c3', 2))).toEqual({
        ok: true,
        version: 3,
      });
      const [rows] = await scratch.pool.query("SELECT crypt FROM users WHERE email = 'carol@my_domain.org'");
      expect(rows).toEqual([{ crypt: '{PLAIN}c3' }]);
      const page = await store.listByDomain('my_domain.org');
      expect(page.mailboxes.map((m) => [m.account, m.domain, m.version, m.previousHashes])).toEqual([
        ['carol@my_domain.org', 'my_domain.org', 3, ['{PLAIN}c2', '{PLAIN}c']],
      ]);
    });

    it('lets one of many racing writers win on a mailbox another tool created (no state row yet)', async () => {
      await scratch.pool.query(
        "INSERT INTO mailbox (username, password, domain, local_part) VALUES ('erin@example.org', '{PLAIN}e', 'example.org', 'erin')",
      );
      const store = mysqlCredentialStore({ pool: scratch.pool });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.setPassword(write('erin@example.org', `{PLAIN}e${i}`))),
      );
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
      expect(await store.get('erin@example.org')).toMatchObject({ version: 2, previousHashes: ['{PLAIN}e'] });
    });

    it('loses no update when many writers retry read-modify-write on one mailbox', async ({ annotate }) => {
      const store = mysqlCredentialStore({ pool: scratch.pool });
      await store.createMailbox({ account: 'hot@example.org', passwordHash: '{PLAIN}start' });
      const writers = 12;
      const perWriter = 8;
      let conflicts = 0;
      const started = performance.now();
      const worker = async (store: CredentialStore, w: number): Promise<string[]> => {
        const mine: string[] = [];
        while (mine.length < perWriter) {
          const current = await store.get('hot@example.org');
          const hash = `{PLAIN}w${w}-${mine.length}`;
          const result = await store.setPassword(write('hot@example.org', hash, current?.version ?? 0, 1000));
          if (result.ok) mine.push(hash);
          else conflicts++;
        }
        return mine;
      };
      const won = (await Promise.all(Array.from({ length: writers }, (_, w) => worker(store, w)))).flat();
      const ms = performance.now() - started;
      const record = await store.get('hot@example.org');
      const total = writers * perWriter;
      // Every success is a distinct version, and the history chain holds every hash exactly once.
      expect(record?.version).toBe(1 + total);
      const chain = [record?.passwordHash, ...(record?.previousHashes ?? [])];
      expect(chain).toHaveLength(total + 1);
      expect(new Set(chain)).toEqual(new Set([...won, '{PLAIN}start']));
      await annotate(
        `${writers} writers × ${perWriter} updates = ${total} commits, ${conflicts} conflicts, 0 lost, ${Math.round(ms)} ms`,
      );
    });

    it('appends audit events as rows', async () => {
      await mysqlAuditSink({ pool: scratch.pool }).record({
        type: 'sessions_revoked',
        account: 'alice@example.org',
        actor: 'system',
        at: new Date('2030-01-01T00:00:00Z'),
        outcome: 'ok',
        details: { revoker: 'web-sessions' },
      });
      await mysqlAuditSink({ pool: scratch.pool }).record({
        type: 'password_changed',
        account: 'bob@example.org',
        actor: 'admin@example.org',
        at: new Date('2030-01-02T00:00:00Z'),
        outcome: 'ok',
      });
      const [rows] = await scratch.pool.query(
        'SELECT type, account, actor, at, outcome, details FROM passrotate_audit ORDER BY id',
      );
      expect(rows).toEqual([
        {
          type: 'sessions_revoked',
          account: 'alice@example.org',
          actor: 'system',
          at: Date.UTC(2030, 0, 1),
          outcome: 'ok',
          details: '{"revoker":"web-sessions"}',
        },
        {
          type: 'password_changed',
          account: 'bob@example.org',
          actor: 'admin@example.org',
          at: Date.UTC(2030, 0, 2),
          outcome: 'ok',
          details: null,
        },
      ]);
    });

    it('keeps sessions and attempt counts atomic across instances with their own pools', async ({
      annotate,
    }) => {
      await migrateMysql({ pool: scratch.pool });
      const instances = [scratch.pool, mysql.createPool({ uri: scratch.url, connectionLimit: 12 })];
      try {
        const limiters = instances.map((pool) => mysqlAttemptLimiter({ pool, limit: 10, windowMs: 60_000 }));
        const started = performance.now();
        const decisions = await Promise.all(
          Array.from({ length: 200 }, (_, i) => limiters[i % 2]?.consume('client:198.51.100.7')),
        );
        const burstMs = performance.now() - started;
        expect(decisions.filter((d) => d?.allowed).length).toBe(10);

        const stores = instances.map((pool) => mysqlSessionStore({ pool }));
        const [one, other] = stores;
        if (!one || !other) throw new Error('two stores expected');
        const opened = Array.from({ length: 30 }, (_, i) => ({
          id: `cross-instance-${i}`,
          account: 'erin@example.net',
          createdAt: new Date(),
          expiresAt: new Date(Date.now() + 60_000),
          epoch: 0,
          data: {},
        }));
        await Promise.all(opened.map((s, i) => stores[i % 2]?.create(s)));
        const keep = await sessionIdDigest('cross-instance-0');
        const removed = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            stores[i % 2]?.revokeAll('Erin@example.net', { exceptDigest: keep }),
          ),
        );
        expect(removed.reduce((a = 0, b = 0) => a + b, 0)).toBe(29);
        expect(await one.epoch('erin@example.net')).toBe(6);
        const live = await Promise.all(opened.map((s) => other.get(s.id, new Date())));
        expect(live.map((s) => s?.id ?? null).filter(Boolean)).toEqual(['cross-instance-0']);
        const [rows] = await scratch.pool.query<mysql.RowDataPacket[]>(
          'SELECT id_digest FROM passrotate_sessions WHERE account = ?',
          ['erin@example.net'],
        );
        expect(rows.map((r) => r.id_digest)).toEqual([keep]);
        await annotate(`200 consumes on 2 pools: 10 allowed, ${Math.round(burstMs)} ms`);
      } finally {
        await instances[1]?.end();
      }
    });
  },
);
