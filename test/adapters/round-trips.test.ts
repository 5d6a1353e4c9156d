/**
 * Round trips of one rotation on the real SQL stores, counted at the database clients: the flows'
 * orchestration overhead is mostly these, so a regression shows here whatever the machine's load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migrateMysql,
  mysqlAttemptLimiter,
  mysqlAuditSink,
  mysqlCredentialStore,
  mysqlSessionStore,
} from '../../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresAttemptLimiter,
  postgresAuditSink,
  postgresCredentialStore,
  postgresSessionStore,
} from '../../src/adapters/postgres/index.js';
import {
  type AuditEvent,
  adminSetPassword,
  changeOwnPassword,
  definePolicy,
  type RotationDeps,
  sessionStoreRevoker,
  verifyLogin,
} from '../../src/index.js';
import { mysqlAuditEvents, postgresAuditEvents } from '../support/audit-rows.js';
import { cheapHasher } from '../support/hashers.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../support/postgres.js';
import { countRoundTrips } from '../support/round-trips.js';

const policy = definePolicy({ minLength: 8, historySize: 3 });
const actor = { name: 'admin', superadmin: true, domains: [] };

/** Creates a mailbox, then counts one admin set and one own change (both revoking sessions). */
async function roundTripsOfRotations(deps: RotationDeps, account: string) {
  const hasher = deps.hasher;
  await deps.store.createMailbox({ account, passwordHash: await hasher.hash('Initial-Pass-1') });
  // Warm up (prepared statements, lazily checked tables, pool connections) and fill the history,
  // so the counted writes also trim it, as every write does in steady state.
  for (let i = 0; i <= policy.historySize; i++) {
    const warm = await adminSetPassword(deps, {
      actor,
      account,
      password: `Warm-Up-Pass-${i}`,
      temporary: false,
    });
    expect(warm.ok).toBe(true);
  }
  let admin = { postgres: 0, mysql: 0 };
  let own = { postgres: 0, mysql: 0 };
  admin = await countRoundTrips(async () => {
    const result = await adminSetPassword(deps, {
      actor,
      account,
      password: 'Admin-Set-Pass-3',
      temporary: false,
    });
    expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions'], pending: [] } });
  });
  own = await countRoundTrips(async () => {
    const result = await changeOwnPassword(deps, {
      account,
      currentPassword: 'Admin-Set-Pass-3',
      newPassword: 'Own-Change-Pass-4',
      confirmation: 'Own-Change-Pass-4',
    });
    expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions'], pending: [] } });
  });
  return { admin, own };
}

/**
 * Counts one own change with the attempt limiter (account and client keys) and one login: the two
 * consumes run at once and alongside the read; the reset and the refund follow the verify.
 */
async function roundTripsWithLimiter(deps: RotationDeps, account: string) {
  await deps.store.createMailbox({ account, passwordHash: await deps.hasher.hash('Initial-Pass-1') });
  const input = { account, clientKey: '198.51.100.7' };
  // Warm up (prepared statements, pool connections, the keys' rows).
  expect(await verifyLogin(deps, { ...input, password: 'Initial-Pass-1' })).toMatchObject({ ok: true });
  const login = await countRoundTrips(async () => {
    expect(await verifyLogin(deps, { ...input, password: 'Initial-Pass-1' })).toMatchObject({ ok: true });
  });
  const own = await countRoundTrips(async () => {
    const change = {
      currentPassword: 'Initial-Pass-1',
      newPassword: 'Own-Change-Pass-4',
      confirmation: 'Own-Change-Pass-4',
    };
    expect(await changeOwnPassword(deps, { ...input, ...change })).toMatchObject({ ok: true });
  });
  return { login, own };
}

/** What a test needs of one SQL backend: its flows' deps in each configuration and its audit rows. */
interface Backend {
  readonly title: string;
  readonly client: 'postgres' | 'mysql';
  readonly skip: boolean;
  /** Round trips per rotation before the sessions, then the audit, moved into the write. */
  readonly before: string;
  /** Round trips of a login and an own change with the old limiter, if it changed. */
  readonly limiterBefore: string;
  open(): Promise<{
    deps(options: { inWrite: 'none' | 'sessions' | 'sessions+audit'; limiter?: boolean }): RotationDeps;
    auditEvents(account: string): Promise<AuditEvent[]>;
    drop(): Promise<void>;
  }>;
}

const backends: readonly Backend[] = [
  {
    title: 'postgres',
    client: 'postgres',
    skip: pgUrl === undefined && process.env.CI !== 'true',
    before: '9, then 6 before',
    limiterBefore: '',
    async open() {
      const scratch: ScratchDatabase = await createScratchDatabase(pgUrl ?? '');
      const pool = scratch.pool;
      await migratePostgres({ pool });
      return {
        deps: ({ inWrite, limiter }) => ({
          store: postgresCredentialStore({
            pool,
            ...(inWrite === 'none' ? {} : { revokeSessionsInWrite: 'web-sessions' }),
            ...(inWrite === 'sessions+audit' ? { auditInWrite: true } : {}),
          }),
          hasher: cheapHasher(),
          policy,
          revokers: [sessionStoreRevoker(postgresSessionStore({ pool }))],
          audit: postgresAuditSink({ pool }),
          ...(limiter ? { limiter: postgresAttemptLimiter({ pool, limit: 5, windowMs: 60_000 }) } : {}),
        }),
        auditEvents: (account) => postgresAuditEvents(pool, account),
        drop: () => scratch.drop(),
      };
    },
  },
  {
    title: 'mysql (MariaDB)',
    client: 'mysql',
    skip: skipMysql,
    before: '17, then 12 before',
    limiterBefore: ' (14 each before: a consume was 5)',
    async open() {
      const scratch: ScratchMysqlDatabase = await createScratchMysqlDatabase();
      const pool = scratch.pool;
      await migrateMysql({ pool });
      return {
        deps: ({ inWrite, limiter }) => ({
          store: mysqlCredentialStore({
            pool,
            ...(inWrite === 'none' ? {} : { revokeSessionsInWrite: 'web-sessions' }),
            ...(inWrite === 'sessions+audit' ? { auditInWrite: true } : {}),
          }),
          hasher: cheapHasher(),
          policy,
          revokers: [sessionStoreRevoker(mysqlSessionStore({ pool }))],
          audit: mysqlAuditSink({ pool }),
          ...(limiter ? { limiter: mysqlAttemptLimiter({ pool, limit: 5, windowMs: 60_000 }) } : {}),
        }),
        auditEvents: (account) => mysqlAuditEvents(pool, account),
        drop: () => scratch.drop(),
      };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`round trips per rotation: ${backend.title}`, () => {
    let db: Awaited<ReturnType<Backend['open']>>;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('an admin set and an own change each take 2 round trips with the sessions revoked and the audit recorded in the write', async () => {
      // get, the write (with the log-out and the audit events).
      const counted = await roundTripsOfRotations(
        db.deps({ inWrite: 'sessions+audit' }),
        'carol@example.org',
      );
      expect({ admin: counted.admin[backend.client], own: counted.own[backend.client] }).toEqual({
        admin: 2,
        own: 2,
      });
      // Every rotation's two events once each: the change and the in-write log-out.
      const events = await db.auditEvents('carol@example.org');
      expect(events.map((e) => e.type)).toEqual(
        Array.from({ length: policy.historySize + 3 }, (_, i) => [
          i < policy.historySize + 2 ? 'password_set_by_admin' : 'password_changed',
          'sessions_revoked',
        ]).flat(),
      );
    });

    it(`an admin set and an own change each take 3 round trips with the sessions revoked in the write and the audit through the sink (${backend.before})`, async () => {
      // get, the write (with the log-out), one INSERT of both audit events.
      const counted = await roundTripsOfRotations(db.deps({ inWrite: 'sessions' }), 'alice@example.org');
      expect({ admin: counted.admin[backend.client], own: counted.own[backend.client] }).toEqual({
        admin: 3,
        own: 3,
      });
    });

    it('take 6 with the sessions revoked after the write through the outbox', async () => {
      // get, the write, then the change's audit event ∥ revoke-all, then the completed row ∥ its audit event.
      const counted = await roundTripsOfRotations(db.deps({ inWrite: 'none' }), 'bob@example.org');
      expect({ admin: counted.admin[backend.client], own: counted.own[backend.client] }).toEqual({
        admin: 6,
        own: 6,
      });
    });

    it(`an own change with the attempt limiter takes 6 round trips and a login 6${backend.limiterBefore}`, async () => {
      // Change: 2 consumes ∥ the read, the write, the reset ∥ the refund. Login: 2 consumes ∥ the
      // read, the reset ∥ the refund ∥ the audit event.
      const deps = db.deps({ inWrite: 'sessions+audit', limiter: true });
      const { login, own } = await roundTripsWithLimiter(deps, 'dave@example.org');
      expect({ login: login[backend.client], own: own[backend.client] }).toEqual({ login: 6, own: 6 });
    });
  });
}
