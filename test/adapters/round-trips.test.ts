/**
 * Round trips of one rotation on the real SQL stores, counted at the database clients: the flows'
 * orchestration overhead is mostly these, so a regression shows here whatever the machine's load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySessionStore } from '../../src/adapters/memory/index.js';
import { migrateMysql, mysqlAuditSink, mysqlCredentialStore } from '../../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresAuditSink,
  postgresCredentialStore,
  postgresSessionStore,
} from '../../src/adapters/postgres/index.js';
import {
  adminSetPassword,
  changeOwnPassword,
  definePolicy,
  type RotationDeps,
  sessionStoreRevoker,
} from '../../src/index.js';
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

describe.skipIf(pgUrl === undefined && process.env.CI !== 'true')(
  'round trips per rotation: postgres',
  () => {
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase(pgUrl ?? '');
      await migratePostgres({ pool: scratch.pool });
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it('an admin set and an own change each take 6 round trips on the postgres stores (9 before)', async () => {
      const pool = scratch.pool;
      const sessions = postgresSessionStore({ pool });
      const deps: RotationDeps = {
        store: postgresCredentialStore({ pool }),
        hasher: cheapHasher(),
        policy,
        revokers: [sessionStoreRevoker(sessions)],
        audit: postgresAuditSink({ pool }),
      };
      const { admin, own } = await roundTripsOfRotations(deps, 'alice@example.org');
      expect({ admin: admin.postgres, own: own.postgres }).toEqual({ admin: 6, own: 6 });
    });
  },
);

describe.skipIf(skipMysql)('round trips per rotation: mysql (MariaDB)', () => {
  let scratch: ScratchMysqlDatabase;
  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase();
    await migrateMysql({ pool: scratch.pool });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('an admin set and an own change each take 12 round trips on the mysql stores (14 before)', async () => {
    const pool = scratch.pool;
    const deps: RotationDeps = {
      store: mysqlCredentialStore({ pool }),
      hasher: cheapHasher(),
      policy,
      revokers: [sessionStoreRevoker(memorySessionStore())],
      audit: mysqlAuditSink({ pool }),
    };
    const { admin, own } = await roundTripsOfRotations(deps, 'alice@example.org');
    expect({ admin: admin.mysql, own: own.mysql }).toEqual({ admin: 12, own: 12 });
  });
});
