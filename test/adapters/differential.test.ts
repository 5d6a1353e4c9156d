import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { passwdFileCredentialStore } from '../../src/adapters/dovecot/index.js';
import { memoryCredentialStore } from '../../src/adapters/memory/index.js';
import { migrateMysql, mysqlCredentialStore } from '../../src/adapters/mysql/index.js';
import { migratePostgres, postgresCredentialStore } from '../../src/adapters/postgres/index.js';
import { migrateSqlite, sqliteCredentialStore } from '../../src/adapters/sqlite/index.js';
import type { CredentialStore } from '../../src/ports/index.js';
import { createScratchMysqlDatabase, mysqlUrl, type ScratchMysqlDatabase } from '../support/mysql.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-differential-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const T0 = Date.UTC(2031, 0, 1);
const account = fc.constantFrom('alice@example.org', 'Bob@Example.org', 'carol@example.net');
/** One operation on a store: create, or a compare-and-set write whose expected version may be stale. */
const operation = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), account, hash: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant('write' as const),
    account,
    versionOffset: fc.constantFrom(0, 0, 0, -1, 1),
    hash: fc.integer({ min: 0, max: 5 }),
    historyLimit: fc.integer({ min: 0, max: 4 }),
    keepHistory: fc.boolean(),
    mustChange: fc.boolean(),
    minutes: fc.integer({ min: 0, max: 1000 }),
  }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function apply(store: CredentialStore, op: Operation): Promise<unknown> {
  if (op.kind === 'create') {
    return store.createMailbox({
      account: op.account,
      passwordHash: `{PLAIN}h${op.hash}`,
      changedAt: new Date(T0),
    });
  }
  const current = await store.get(op.account);
  return store.setPassword({
    account: op.account,
    expectedVersion: (current?.version ?? 1) + op.versionOffset,
    passwordHash: `{PLAIN}h${op.hash}`,
    changedAt: new Date(T0 + op.minutes * 60_000),
    mustChange: op.mustChange,
    expiresAt: op.mustChange ? new Date(T0 + 86_400_000) : null,
    historyLimit: op.historyLimit,
    keepHistory: op.keepHistory,
    pendingRevocations: [],
  });
}

async function snapshot(store: CredentialStore): Promise<unknown> {
  const pages = await Promise.all(['example.org', 'example.net'].map((d) => store.listByDomain(d)));
  return pages.flatMap((p) => p.mailboxes);
}

const stores: Record<string, () => CredentialStore | Promise<CredentialStore>> = {
  sqlite: () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    return sqliteCredentialStore({ db });
  },
  'dovecot passwd-file': () => {
    n += 1;
    return passwdFileCredentialStore({ path: join(dir, `users-${n}`) });
  },
};

let scratch: ScratchDatabase | undefined;
const serverUrl = pgUrl;
if (serverUrl !== undefined) {
  stores.postgres = async () => {
    if (!scratch) {
      scratch = await createScratchDatabase(serverUrl);
      await migratePostgres({ pool: scratch.pool });
    }
    await scratch.pool.query('TRUNCATE mailbox, passrotate_state, passrotate_history, passrotate_outbox');
    return postgresCredentialStore({ pool: scratch.pool });
  };
}
let mysqlScratch: ScratchMysqlDatabase | undefined;
if (mysqlUrl !== undefined) {
  stores.mysql = async () => {
    if (!mysqlScratch) {
      mysqlScratch = await createScratchMysqlDatabase();
      await migrateMysql({ pool: mysqlScratch.pool });
    }
    for (const table of ['mailbox', 'passrotate_state', 'passrotate_history', 'passrotate_outbox']) {
      await mysqlScratch.pool.query(`DELETE FROM ${table}`);
    }
    return mysqlCredentialStore({ pool: mysqlScratch.pool });
  };
}
afterAll(async () => {
  await scratch?.drop();
  await mysqlScratch?.drop();
});

describe('stores behave as the memory reference store on any sequence of creates and writes', () => {
  for (const [name, make] of Object.entries(stores)) {
    it(name, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (ops) => {
          const reference = memoryCredentialStore();
          const store = await make();
          for (const op of ops) expect(await apply(store, op)).toEqual(await apply(reference, op));
          expect(await snapshot(store)).toEqual(await snapshot(reference));
        }),
        { numRuns: name === 'postgres' || name === 'mysql' ? 25 : 60 },
      );
    });
  }
});
