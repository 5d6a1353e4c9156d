/**
 * @module Opens the demo's storage from `PASSROTATE_DB` (`sqlite:PATH`, default
 * `sqlite:./data/demo.db`, `postgres://…` or `mysql://…`) and optionally `PASSROTATE_REDIS_URL` for
 * the web sessions and attempt counters shared by many panel instances.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import {
  migrateMysql,
  mysqlAppPasswordStore,
  mysqlAttemptLimiter,
  mysqlAuditSink,
  mysqlCredentialStore,
  mysqlRecoveryAddresses,
  mysqlResetTokenStore,
  mysqlSessionStore,
} from '../../src/adapters/mysql/index.js';
import {
  migratePostgres,
  postgresAppPasswordStore,
  postgresAttemptLimiter,
  postgresAuditSink,
  postgresCredentialStore,
  postgresRecoveryAddresses,
  postgresResetTokenStore,
  postgresSessionStore,
} from '../../src/adapters/postgres/index.js';
import { redisAttemptLimiter, redisSessionStore } from '../../src/adapters/redis/index.js';
import {
  migrateSqlite,
  sqliteAppPasswordStore,
  sqliteAttemptLimiter,
  sqliteAuditSink,
  sqliteCredentialStore,
  sqliteRecoveryAddresses,
  sqliteResetTokenStore,
  sqliteSessionStore,
} from '../../src/adapters/sqlite/index.js';
import { type MysqlConnectionSettings, mysqlConnectionSettings } from '../../src/cli/mysql-url.js';
import type {
  AppPasswordStore,
  AttemptLimiter,
  AuditSink,
  CredentialStore,
  RecoveryAddressSource,
  ResetTokenStore,
  SessionStore,
} from '../../src/index.js';
import { type AdminStore, sqlAdminStore } from './admin-store.js';
import { mysqlSqlClient, postgresSqlClient, sqliteSqlClient } from './sql-client.js';

/** The default database of the demo, relative to the working directory. */
export const DEFAULT_DATABASE = 'sqlite:./data/demo.db';

/** Failed logins allowed per account and per client address in one window. */
export const LOGIN_ATTEMPT_LIMIT = { limit: 10, windowMs: 15 * 60_000 } as const;

/** Reset requests allowed per client address, and reset mails per mailbox, in one window. */
export const RESET_LIMITS = {
  client: { limit: 10, windowMs: 15 * 60_000 },
  account: { limit: 3, windowMs: 60 * 60_000 },
} as const;

/** The reset flows' stores. */
export interface ResetStorage {
  readonly tokens: ResetTokenStore;
  /** Postfixadmin's `mailbox.email_other`. */
  readonly recoveryAddresses: RecoveryAddressSource;
  readonly limiters: { readonly account: AttemptLimiter; readonly client: AttemptLimiter };
}

/** Every store the example servers use. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres' | 'mysql';
  /** Absolute path of the SQLite file (what a Dovecot SQL passdb reads), or `null` for a server. */
  readonly sqlitePath: string | null;
  /** Where the MariaDB/MySQL database is (what a Dovecot SQL passdb connects to), or `null`. */
  readonly mysql: MysqlConnectionSettings | null;
  /** The PostgreSQL URL (what a Dovecot SQL passdb connects to), or `null`. */
  readonly postgresUrl: string | null;
  readonly credentials: CredentialStore;
  /** Shared by webmail and user panel, so a revocation reaches both. */
  readonly sessions: SessionStore;
  readonly limiter: AttemptLimiter;
  readonly audit: AuditSink;
  readonly admins: AdminStore;
  /** Password reset by e-mail: tokens (digests only), recovery addresses, request limits. */
  readonly reset: ResetStorage;
  /**
   * The mailboxes' app passwords (Postfixadmin 4's `mailbox_app_password`, in the same database),
   * or `null` where there are none: the pages then hide the Devices section.
   */
  readonly appPasswords: AppPasswordStore | null;
  close(): Promise<void>;
}

/** Where the data lives. */
export interface StorageOptions {
  /** `sqlite:PATH`, `postgres://…` or `mysql://…` (default {@link DEFAULT_DATABASE}). */
  readonly database?: string;
  /** `redis://…` to keep sessions and attempt counters in Redis. */
  readonly redisUrl?: string;
  /** Prefix of the Redis keys. Default `passrotate-demo:`. */
  readonly redisPrefix?: string;
}

/**
 * Opens (and migrates) the storage. Tables that exist are left as they are, so pointing it at an
 * existing Postfixadmin database works.
 *
 * @example
 * ```ts
 * const storage = await openStorage({ database: process.env.PASSROTATE_DB, redisUrl: process.env.PASSROTATE_REDIS_URL });
 * ```
 */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  const database = options.database ?? DEFAULT_DATABASE;
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : null;
  const prefix = options.redisPrefix ?? 'passrotate-demo:';
  const redisParts = redis
    ? {
        sessions: redisSessionStore({ client: redis, prefix }),
        limiter: redisAttemptLimiter({ client: redis, prefix, ...LOGIN_ATTEMPT_LIMIT }),
        resetLimiters: {
          account: redisAttemptLimiter({ client: redis, prefix, ...RESET_LIMITS.account }),
          client: redisAttemptLimiter({ client: redis, prefix, ...RESET_LIMITS.client }),
        },
      }
    : null;
  const closeRedis = async (): Promise<void> => {
    if (redis) await redis.quit();
  };

  if (database.startsWith('postgres://') || database.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: database, max: 10 });
    await migratePostgres({ pool });
    const admins = sqlAdminStore(postgresSqlClient(pool));
    await admins.migrate();
    return {
      kind: 'postgres',
      sqlitePath: null,
      mysql: null,
      postgresUrl: database,
      // Sessions in this database are ended, and the audit events recorded, inside the password write
      // (one round trip, no window).
      credentials: postgresCredentialStore({
        pool,
        ...(redisParts ? {} : { revokeSessionsInWrite: 'web-sessions' }),
        auditInWrite: true,
      }),
      sessions: redisParts?.sessions ?? postgresSessionStore({ pool }),
      limiter: redisParts?.limiter ?? postgresAttemptLimiter({ pool, ...LOGIN_ATTEMPT_LIMIT }),
      audit: postgresAuditSink({ pool }),
      admins,
      reset: {
        tokens: postgresResetTokenStore({ pool }),
        recoveryAddresses: postgresRecoveryAddresses({ pool }),
        limiters: redisParts?.resetLimiters ?? {
          account: postgresAttemptLimiter({ pool, ...RESET_LIMITS.account }),
          client: postgresAttemptLimiter({ pool, ...RESET_LIMITS.client }),
        },
      },
      appPasswords: postgresAppPasswordStore({ pool }),
      close: async () => {
        await closeRedis();
        await pool.end();
      },
    };
  }
  if (database.startsWith('mysql://')) {
    const settings = mysqlConnectionSettings(database, process.env);
    const pool = mysql.createPool({ ...settings, connectionLimit: 10 });
    await migrateMysql({ pool });
    const admins = sqlAdminStore(mysqlSqlClient(pool));
    await admins.migrate();
    return {
      kind: 'mysql',
      sqlitePath: null,
      mysql: settings,
      postgresUrl: null,
      credentials: mysqlCredentialStore({
        pool,
        ...(redisParts ? {} : { revokeSessionsInWrite: 'web-sessions' }),
        auditInWrite: true,
      }),
      sessions: redisParts?.sessions ?? mysqlSessionStore({ pool }),
      limiter: redisParts?.limiter ?? mysqlAttemptLimiter({ pool, ...LOGIN_ATTEMPT_LIMIT }),
      audit: mysqlAuditSink({ pool }),
      admins,
      reset: {
        tokens: mysqlResetTokenStore({ pool }),
        recoveryAddresses: mysqlRecoveryAddresses({ pool }),
        limiters: redisParts?.resetLimiters ?? {
          account: mysqlAttemptLimiter({ pool, ...RESET_LIMITS.account }),
          client: mysqlAttemptLimiter({ pool, ...RESET_LIMITS.client }),
        },
      },
      appPasswords: mysqlAppPasswordStore({ pool }),
      close: async () => {
        await closeRedis();
        await pool.end();
      },
    };
  }
  if (!database.startsWith('sqlite:')) {
    throw new TypeError('PASSROTATE_DB must be sqlite:PATH, postgres://… or mysql://…');
  }
  const path = resolve(database.slice('sqlite:'.length));
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrateSqlite({ db });
  const admins = sqlAdminStore(sqliteSqlClient(db));
  await admins.migrate();
  return {
    kind: 'sqlite',
    sqlitePath: path,
    mysql: null,
    postgresUrl: null,
    credentials: sqliteCredentialStore({
      db,
      ...(redisParts ? {} : { revokeSessionsInWrite: 'web-sessions' }),
      auditInWrite: true,
    }),
    sessions: redisParts?.sessions ?? sqliteSessionStore({ db }),
    limiter: redisParts?.limiter ?? sqliteAttemptLimiter({ db, ...LOGIN_ATTEMPT_LIMIT }),
    audit: sqliteAuditSink({ db }),
    admins,
    reset: {
      tokens: sqliteResetTokenStore({ db }),
      recoveryAddresses: sqliteRecoveryAddresses({ db }),
      limiters: redisParts?.resetLimiters ?? {
        account: sqliteAttemptLimiter({ db, ...RESET_LIMITS.account }),
        client: sqliteAttemptLimiter({ db, ...RESET_LIMITS.client }),
      },
    },
    appPasswords: sqliteAppPasswordStore({ db }),
    close: async () => {
      await closeRedis();
      db.close();
    },
  };
}
