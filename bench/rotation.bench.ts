/**
 * @module Benchmark of a password rotation on the real stores: rotations per second on SQLite,
 * PostgreSQL and MariaDB (web sessions in the same database, ended inside the password write), the
 * orchestration's own time (policy, store reads and compare-and-set write with its outbox rows,
 * web-session revocation, audit) against the hash time it contains — an admin set (one Argon2id
 * hash) and an own change (verify the current password + hash the new one: two; once more with
 * the attempt limiter in the same database, as the example servers run it) — and a contention
 * run (many concurrent changes to one mailbox, retried on conflict) checked for lost updates.
 * The overhead is the rotation's wall-clock time minus its KDF work's, as a share of the latter.
 * It also prints each server's durability setting (are commits flushed to disk one by one?), the
 * floor under any write that follows a hash (a `SELECT 1` right after one), the database round
 * trips of one rotation, counted at the pg and mysql2 clients, and the median time of each store
 * and audit call.
 * Run from the repository root: `npm run bench:rotation` (PostgreSQL when PASSROTATE_TEST_PG_URL is
 * set, MariaDB/MySQL when PASSROTATE_TEST_MYSQL_URL is set); `PASSROTATE_BENCH_PARAMS=m=65536,t=3,p=1`
 * measures at Dovecot's own Argon2id cost instead of passrotate's default.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import {
  migrateMysql,
  mysqlAttemptLimiter,
  mysqlAuditSink,
  mysqlCredentialStore,
  mysqlSessionStore,
} from '../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresAttemptLimiter,
  postgresAuditSink,
  postgresCredentialStore,
  postgresSessionStore,
} from '../src/adapters/postgres/index.js';
import {
  migrateSqlite,
  sqliteAttemptLimiter,
  sqliteAuditSink,
  sqliteCredentialStore,
  sqliteSessionStore,
} from '../src/adapters/sqlite/index.js';
import { createHasher, verifyPassword } from '../src/hash/node.js';
import { definePolicy } from '../src/policy/index.js';
import type {
  AttemptLimiter,
  AuditSink,
  CredentialStore,
  PasswordHasher,
  SessionStore,
} from '../src/ports/index.js';
import {
  adminSetPassword,
  changeOwnPassword,
  type RotationDeps,
  sessionStoreRevoker,
} from '../src/rotation/index.js';
import { countRoundTrips } from '../test/support/round-trips.js';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const SCHEME = process.env.PASSROTATE_BENCH_SCHEME ?? 'ARGON2ID';
/**
 * Cost parameters, e.g. `m=65536,t=3,p=1` (what Dovecot 2.3's `doveadm pw -s ARGON2ID` writes);
 * default: the scheme's own default in passrotate.
 */
const PARAMS = Object.fromEntries(
  (process.env.PASSROTATE_BENCH_PARAMS ?? '')
    .split(',')
    .filter((pair) => pair.includes('='))
    .map((pair) => {
      const [key, value] = pair.split('=');
      return [key?.trim() ?? '', Number(value)];
    }),
);
const TARGET = { scheme: SCHEME, ...(Object.keys(PARAMS).length > 0 ? { params: PARAMS } : {}) };
const ROTATIONS = Number(process.env.PASSROTATE_BENCH_ROTATIONS ?? 200);
const MAILBOXES = 20;
const WRITERS = Number(process.env.PASSROTATE_BENCH_WRITERS ?? 12);
const actor = { name: 'bench', superadmin: true, domains: [] };
const spec = {
  minLength: 8,
  maxLength: 128,
  minUppercase: 1,
  minLowercase: 1,
  minDigit: 1,
  minSpecial: 1,
  blocklist: true,
  accountCheck: true,
};

interface Backend {
  readonly name: string;
  readonly store: CredentialStore;
  readonly sessions: SessionStore;
  readonly audit: AuditSink;
  readonly limiter: AttemptLimiter;
  /** How the server makes a commit durable (queried from it). */
  durability(): Promise<string>;
  /** One `SELECT 1` round trip. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A hasher that costs microseconds, to time the orchestration alone (a bench digest, never Dovecot's). */
function instantHasher(): PasswordHasher {
  const digest = (password: string) => `{BENCH}${createHash('sha256').update(password).digest('hex')}`;
  return {
    hash: async (password) => digest(password),
    verify: async (password, stored) => digest(password) === stored,
    needsRehash: () => false,
  };
}

/** Median time of each store and audit call, recorded while `steps.on` is set. */
const steps = { on: false, times: new Map<string, number[]>() };
function timedCall<A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    if (!steps.on) return call(...args);
    const t = performance.now();
    try {
      return await call(...args);
    } finally {
      const list = steps.times.get(name) ?? [];
      list.push(performance.now() - t);
      steps.times.set(name, list);
    }
  };
}
function timedStore(store: CredentialStore): CredentialStore {
  return {
    ...store,
    get: timedCall('get', store.get.bind(store)),
    setPassword: timedCall('setPassword', store.setPassword.bind(store)),
  };
}
function timedAudit(audit: AuditSink): AuditSink {
  return {
    record: timedCall('audit', audit.record.bind(audit)),
    ...(audit.recordAll ? { recordAll: timedCall('audit', audit.recordAll.bind(audit)) } : {}),
  };
}
function stepSummary(): string {
  const parts = [...steps.times].map(
    ([name, times]) => `${name} ${median(times).toFixed(2)} ms × ${(times.length / ROTATIONS).toFixed(1)}`,
  );
  steps.times.clear();
  return parts.length > 0 ? parts.join(', ') : 'none';
}

const password = (i: number): string => `Rotate-${i}-Bench!x`;
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const WORDS = ['Amber', 'Cobalt', 'Dune', 'Ember', 'Fjord', 'Garnet', 'Harbor'];
/** Own-change passwords: a mailbox's successive ones (rounds of MAILBOXES) differ in most characters. */
const ownPassword = (i: number): string => {
  const round = Math.floor(i / MAILBOXES);
  return `${WORDS[((round % 7) + 7) % 7]}-${i}-Own!${WORDS[(((round + 3) % 7) + 7) % 7]}`;
};
const INITIAL = 'Initial-Bench-Pass!1';

/** `own+limiter`: the own change with the backend's attempt limiter (account and client keys). */
type Flow = 'admin' | 'own' | 'own+limiter';

/**
 * Mailboxes and a `rotate(i)` that changes mailbox `i % MAILBOXES`'s password through the admin
 * flow (a set) or the owner's (a change, giving the current password).
 */
async function rotator(
  backend: Backend,
  label: string,
  hasher: PasswordHasher,
  flow: Flow,
): Promise<(i: number) => Promise<void>> {
  const deps: RotationDeps = {
    store: timedStore(backend.store),
    hasher,
    policy: definePolicy(spec),
    revokers: [sessionStoreRevoker(backend.sessions)],
    audit: timedAudit(backend.audit),
    ...(flow === 'own+limiter' ? { limiter: backend.limiter } : {}),
  };
  const accounts = Array.from(
    { length: MAILBOXES },
    (_, i) => `user${i}@${label}-${flow === 'admin' ? 'set' : flow === 'own' ? 'change' : 'limited'}.bench`,
  );
  const current = accounts.map(() => INITIAL);
  for (const account of accounts) {
    await backend.store.createMailbox({ account, passwordHash: await hasher.hash(INITIAL) });
  }
  return async (i) => {
    const m = ((i % MAILBOXES) + MAILBOXES) % MAILBOXES;
    const account = accounts[m] ?? '';
    const next = flow === 'admin' ? password(i) : ownPassword(i);
    const result =
      flow === 'admin'
        ? await adminSetPassword(deps, { actor, account, password: next, temporary: false })
        : await changeOwnPassword(deps, {
            account,
            currentPassword: current[m] ?? '',
            newPassword: next,
            confirmation: next,
            ...(flow === 'own+limiter' ? { clientKey: '198.51.100.7' } : {}),
          });
    if (!result.ok) throw new Error(`${flow} rotation ${i} failed: ${JSON.stringify(result)}`);
    current[m] = next;
  };
}

/**
 * Interleaves, ROTATIONS times: the KDF work the flow contains (one hash for an admin set; verify +
 * hash for an own change), one rotation with the real hasher, one with an instant hasher (the
 * orchestration alone). Medians keep the figures steady on a busy machine.
 */
async function throughput(backend: Backend, flow: Flow): Promise<void> {
  const hasher = createHasher({ default: TARGET });
  const real = await rotator(backend, 'real', hasher, flow);
  const instant = await rotator(backend, 'instant', instantHasher(), flow);
  const stored = await hasher.hash(ownPassword(-2));
  const kdf = async (i: number) => {
    if (flow !== 'admin') await hasher.verify(ownPassword(-2), stored);
    await hasher.hash(password(i));
  };
  // Warm up (JIT, lazily loaded blocklist, prepared statements) before timing.
  for (let i = -MAILBOXES; i < 0; i++) {
    await kdf(i);
    await real(i);
    await instant(i);
  }
  const times = { hash: [] as number[], rotation: [] as number[], orchestration: [] as number[] };
  const start = performance.now();
  for (let i = 0; i < ROTATIONS; i++) {
    const t0 = performance.now();
    await kdf(i);
    const t1 = performance.now();
    await real(i);
    const t2 = performance.now();
    await instant(i);
    times.hash.push(t1 - t0);
    times.rotation.push(t2 - t1);
    times.orchestration.push(performance.now() - t2);
  }
  const elapsed = performance.now() - start;
  // The same orchestration back to back, with the database connection never idle between rotations.
  const backToBack: number[] = [];
  steps.times.clear();
  steps.on = true;
  for (let i = 0; i < ROTATIONS; i++) {
    const t = performance.now();
    await instant(ROTATIONS + i);
    backToBack.push(performance.now() - t);
  }
  steps.on = false;
  const perStep = stepSummary();
  const hot = median(backToBack);
  const trips = await countRoundTrips(() => instant(2 * ROTATIONS));
  const roundTrips = trips.postgres + trips.mysql;
  const [hash, rotation, orchestration] = [
    median(times.hash),
    median(times.rotation),
    median(times.orchestration),
  ];
  // The hash's scheme and cost, as its stored prefix says (e.g. `{ARGON2ID}$argon2id$v=19$m=19456,t=2,p=1`).
  const cost = stored.split('$').slice(0, 4).join('$');
  const what =
    flow === 'admin'
      ? `admin set  (1 hash, ${cost})`
      : flow === 'own'
        ? `own change (2: verify current + hash new)`
        : `own change with the attempt limiter in the same database (2 keys)`;
  const pct = (ms: number) => `${((ms / hash) * 100).toFixed(1)}%`;
  print(
    `${backend.name.padEnd(9)} ${what}, median of ${ROTATIONS}: rotation ${rotation.toFixed(2)} ms ` +
      `(${(1000 / rotation).toFixed(1)}/s), its KDF work alone ${hash.toFixed(2)} ms → overhead ` +
      `(rotation − KDF) ${(rotation - hash).toFixed(2)} ms = ${pct(rotation - hash)} (target < 5%); ` +
      `orchestration alone (near-zero-cost hasher) ${orchestration.toFixed(2)} ms = ${pct(orchestration)}, ` +
      `back to back ${hot.toFixed(2)} ms = ${pct(hot)}; ` +
      `round trips per rotation ${roundTrips} (postgres ${trips.postgres}, mysql ${trips.mysql}) ` +
      `[${(elapsed / 1000).toFixed(0)} s]`,
  );
  print(
    `${backend.name.padEnd(9)}   store/audit calls back to back (median ms × calls per rotation): ${perStep}`,
  );
}

/**
 * The floor under any write that follows a hash: a bare `SELECT 1` round trip, back to back and
 * right after one hash (the database process idle meanwhile, its caches cold from the KDF's memory).
 */
async function roundTripFloor(backend: Backend): Promise<void> {
  const hasher = createHasher({ default: TARGET });
  const [hot, afterHash, hashes] = [[] as number[], [] as number[], [] as number[]];
  for (let i = 0; i < ROTATIONS; i++) {
    let t = performance.now();
    await backend.ping();
    hot.push(performance.now() - t);
    t = performance.now();
    await hasher.hash(password(i));
    hashes.push(performance.now() - t);
    t = performance.now();
    await backend.ping();
    afterHash.push(performance.now() - t);
  }
  const [h, a] = [median(hashes), median(afterHash)];
  print(
    `${backend.name.padEnd(9)} floor: SELECT 1 back to back ${median(hot).toFixed(2)} ms, right after a ${h.toFixed(2)} ms hash ` +
      `${a.toFixed(2)} ms = ${((a / h) * 100).toFixed(1)}% of it (any write after the hash costs at least this)`,
  );
}

async function contention(backend: Backend): Promise<void> {
  const hasher = createHasher({ default: TARGET });
  const deps: RotationDeps = {
    store: backend.store,
    hasher,
    policy: definePolicy({ ...spec, historySize: WRITERS }),
    revokers: [sessionStoreRevoker(backend.sessions)],
    audit: backend.audit,
  };
  const account = 'contended@contention.bench';
  await backend.store.createMailbox({ account, passwordHash: await hasher.hash(password(-1)) });
  let conflicts = 0;
  const byVersion = new Map<number, string>();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (;;) {
        const result = await adminSetPassword(deps, {
          actor,
          account,
          password: password(1000 + w),
          temporary: false,
        });
        if (result.ok) {
          byVersion.set(result.version, password(1000 + w));
          return;
        }
        if (result.code !== 'conflict') throw new Error(`writer ${w}: ${result.code}`);
        conflicts += 1;
      }
    }),
  );
  const ms = performance.now() - start;
  const record = await backend.store.get(account);
  if (!record) throw new Error('mailbox vanished');
  // Every acknowledged change is there, in order: version N's hash is at distance (current - N).
  const chain = [record.passwordHash, ...record.previousHashes];
  let lost = 0;
  for (let v = 2; v <= WRITERS + 1; v++) {
    const pw = byVersion.get(v);
    const stored = chain[record.version - v];
    if (pw === undefined || stored === undefined || !(await verifyPassword(pw, stored))) lost += 1;
  }
  const ok = record.version === WRITERS + 1 && byVersion.size === WRITERS && lost === 0;
  print(
    `${backend.name.padEnd(9)} contention: ${WRITERS} concurrent writers on one mailbox, ${conflicts} conflicts retried, ` +
      `final version ${record.version} (expected ${WRITERS + 1}), ${lost} lost updates in ${ms.toFixed(0)} ms → ${ok ? 'OK' : 'LOST UPDATE'}`,
  );
  if (!ok) process.exitCode = 1;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'passrotate-bench-'));
  const db = new Database(join(dir, 'mail.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrateSqlite({ db });
  return {
    name: 'sqlite',
    store: sqliteCredentialStore({ db, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
    sessions: sqliteSessionStore({ db }),
    audit: sqliteAuditSink({ db }),
    limiter: sqliteAttemptLimiter({ db, limit: 5, windowMs: 60_000 }),
    async durability() {
      return `journal_mode=${db.pragma('journal_mode', { simple: true })}, synchronous=${db.pragma('synchronous', { simple: true })} (1 = NORMAL: WAL synced at checkpoints, not at each commit)`;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(serverUrl: string): Promise<Backend> {
  const name = `passrotate_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 16 });
  pool.on('error', () => undefined); // idle clients cut off by the final DROP DATABASE … WITH (FORCE)
  await migratePostgres({ pool });
  return {
    name: 'postgres',
    store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
    sessions: postgresSessionStore({ pool }),
    audit: postgresAuditSink({ pool }),
    limiter: postgresAttemptLimiter({ pool, limit: 5, windowMs: 60_000 }),
    async durability() {
      const res = await pool.query<{ fsync: string; synchronous_commit: string }>(
        `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
      );
      const row = res.rows[0];
      return `fsync=${row?.fsync}, synchronous_commit=${row?.synchronous_commit}`;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** MariaDB/MySQL credential store, session store (revoked inside the password write) and audit sink. */
async function mysqlBackend(serverUrl: string): Promise<Backend> {
  const name = `passrotate_bench_${process.pid}`;
  const admin = await mysql.createConnection(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = mysql.createPool({ uri: url.toString(), connectionLimit: 16 });
  await migrateMysql({ pool });
  return {
    name: 'mariadb',
    store: mysqlCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
    sessions: mysqlSessionStore({ pool }),
    audit: mysqlAuditSink({ pool }),
    limiter: mysqlAttemptLimiter({ pool, limit: 5, windowMs: 60_000 }),
    async durability() {
      const [rows] = await pool.query<mysql.RowDataPacket[]>(
        'SELECT VERSION() AS version, @@innodb_flush_log_at_trx_commit AS flush, @@sync_binlog AS sync_binlog, @@log_bin AS log_bin',
      );
      const row = rows[0];
      return `${row?.version}: innodb_flush_log_at_trx_commit=${row?.flush} (1 = flushed to disk at each commit), sync_binlog=${row?.sync_binlog}, log_bin=${row?.log_bin}`;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
      const c = await mysql.createConnection(serverUrl);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

const backends: (() => Promise<Backend>)[] = [sqliteBackend];
const pgUrl = process.env.PASSROTATE_BENCH_PG_URL ?? process.env.PASSROTATE_TEST_PG_URL;
if (pgUrl) backends.push(() => postgresBackend(pgUrl));
else print('postgres: skipped (set PASSROTATE_TEST_PG_URL)');
const mysqlUrl = process.env.PASSROTATE_BENCH_MYSQL_URL ?? process.env.PASSROTATE_TEST_MYSQL_URL;
if (mysqlUrl) backends.push(() => mysqlBackend(mysqlUrl));
else print('mariadb: skipped (set PASSROTATE_TEST_MYSQL_URL)');

for (const make of backends) {
  const backend = await make();
  try {
    print(`${backend.name.padEnd(9)} durability: ${await backend.durability()}`);
    await roundTripFloor(backend);
    await throughput(backend, 'admin');
    await throughput(backend, 'own');
    await throughput(backend, 'own+limiter');
    await contention(backend);
  } finally {
    await backend.close();
  }
}
