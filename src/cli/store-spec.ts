/** @module The CLI's `--store` option: `sqlite:PATH`, `postgres://…`, `mysql://…`, `ldap://…` or `passwd-file:PATH`, opened lazily. */
import { passwdFileCredentialStore } from '../adapters/dovecot/index.js';
import { PassrotateError } from '../errors.js';
import type { AuditSink, CredentialStore, ExpiryReminderLog, SessionStore } from '../ports/index.js';
import { ldapConnectionSettings, parseLdapUrl } from './ldap-url.js';
import { mysqlConnectionSettings } from './mysql-url.js';

/**
 * A parsed `--store` value.
 *
 * @example
 * ```ts
 * const spec: StoreSpec = { kind: 'postgres', url: 'postgres://mail@localhost/mail' };
 * ```
 */
export type StoreSpec =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'mysql'; readonly url: string }
  | { readonly kind: 'ldap'; readonly url: string }
  | { readonly kind: 'passwd-file'; readonly path: string };

/**
 * An opened store: the credentials, the panel's web sessions when the backend has them, and cleanup.
 *
 * @example
 * ```ts
 * const opened: OpenedStore = await openStore(parseStoreSpec('sqlite:mail.sqlite'), { create: false });
 * await opened.close();
 * ```
 */
export interface OpenedStore {
  readonly spec: StoreSpec;
  readonly credentials: CredentialStore;
  /** Web sessions in the same database (SQLite, PostgreSQL, MySQL/MariaDB), revoked with every change. */
  readonly sessions: SessionStore | null;
  /** The audit table in the same database (SQL backends). */
  readonly audit: AuditSink | null;
  /** Sent expiry reminders in the same database (SQL backends), for `remind`. */
  readonly expiryReminders: ExpiryReminderLog | null;
  /**
   * Creates passrotate's missing tables (SQL backends), and the mailbox table too when opened with
   * `create`; nothing to do for a passwd-file.
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Parses a `--store` value.
 *
 * @throws PassrotateError `invalid_store` for anything else.
 * @example
 * ```ts
 * parseStoreSpec('sqlite:./mail.sqlite'); // { kind: 'sqlite', path: './mail.sqlite' }
 * ```
 */
export function parseStoreSpec(value: string): StoreSpec {
  if (value.startsWith('sqlite:') && value.length > 'sqlite:'.length) {
    return { kind: 'sqlite', path: value.slice('sqlite:'.length) };
  }
  if (value.startsWith('passwd-file:') && value.length > 'passwd-file:'.length) {
    return { kind: 'passwd-file', path: value.slice('passwd-file:'.length) };
  }
  if (/^postgres(ql)?:\/\/./.test(value)) return { kind: 'postgres', url: value };
  if (value.startsWith('mysql://')) {
    mysqlConnectionSettings(value, {});
    return { kind: 'mysql', url: value };
  }
  if (/^ldaps?:\/\//.test(value)) {
    parseLdapUrl(value);
    return { kind: 'ldap', url: value };
  }
  throw new PassrotateError(
    'invalid_store',
    '--store must be sqlite:PATH, postgres://USER@HOST/DB, mysql://USER@HOST/DB, ldap://HOST/BASE or passwd-file:PATH',
  );
}

/**
 * Opens the store a spec names. better-sqlite3, pg and mysql2 are imported only when needed (they
 * are optional peer dependencies). A SQLite file must exist unless `create` is set. A `mysql://`
 * URL without a password takes it from `MYSQL_PWD` or the file `MYSQL_PWD_FILE` names. An
 * `ldap://HOST/BASE` store (ldapts) binds as `LDAP_BIND_DN` with the password in the file
 * `LDAP_BIND_PASSWORD_FILE` names and reads `inetOrgPerson` entries `mail=ADDRESS,BASE` (the
 * `passrotateAccount` schema must be loaded). A passwd-file and an LDAP directory have no
 * web-session table (`sessions` is `null`).
 *
 * @throws PassrotateError `missing_dependency` when the driver is not installed, `store_unavailable` when the file is missing.
 * @example
 * ```ts
 * const store = await openStore(parseStoreSpec('sqlite:mail.sqlite'), { create: false });
 * try { await store.credentials.get('alice@example.org'); } finally { await store.close(); }
 * ```
 */
export async function openStore(
  spec: StoreSpec,
  options: { readonly create: boolean },
): Promise<OpenedStore> {
  if (spec.kind === 'passwd-file') {
    return {
      spec,
      credentials: passwdFileCredentialStore({ path: spec.path }),
      sessions: null,
      audit: null,
      expiryReminders: null,
      migrate: async () => undefined,
      close: async () => undefined,
    };
  }
  if (spec.kind === 'sqlite') {
    const Database = (await importDriver<{ default: typeof import('better-sqlite3') }>('better-sqlite3'))
      .default;
    const sqlite = await import('../adapters/sqlite/index.js');
    let db: import('better-sqlite3').Database;
    try {
      db = new Database(spec.path, { fileMustExist: !options.create });
    } catch (error) {
      throw new PassrotateError('store_unavailable', `cannot open ${spec.path} (use --create to make it)`, {
        cause: error,
      });
    }
    db.pragma('busy_timeout = 5000');
    return {
      spec,
      credentials: sqlite.sqliteCredentialStore({
        db,
        revokeSessionsInWrite: 'web-sessions',
        auditInWrite: true,
      }),
      sessions: sqlite.sqliteSessionStore({ db }),
      audit: sqlite.sqliteAuditSink({ db }),
      expiryReminders: sqlite.sqliteExpiryReminderLog({ db }),
      migrate: async () => sqlite.migrateSqlite({ db, mailboxTable: options.create }),
      close: async () => {
        db.close();
      },
    };
  }
  if (spec.kind === 'mysql') {
    const settings = mysqlConnectionSettings(spec.url, process.env);
    const mysql2 = (await importDriver<{ default: typeof import('mysql2/promise') }>('mysql2/promise'))
      .default;
    const mysql = await import('../adapters/mysql/index.js');
    const pool = mysql2.createPool({ ...settings, connectionLimit: 4 });
    return {
      spec,
      credentials: mysql.mysqlCredentialStore({
        pool,
        revokeSessionsInWrite: 'web-sessions',
        auditInWrite: true,
      }),
      sessions: mysql.mysqlSessionStore({ pool }),
      audit: mysql.mysqlAuditSink({ pool }),
      expiryReminders: mysql.mysqlExpiryReminderLog({ pool }),
      migrate: () => mysql.migrateMysql({ pool, mailboxTable: options.create }),
      close: () => pool.end(),
    };
  }
  if (spec.kind === 'ldap') return openLdapStore(spec);
  const pg = (await importDriver<{ default: typeof import('pg') }>('pg')).default;
  const postgres = await import('../adapters/postgres/index.js');
  const pool = new pg.Pool({ connectionString: spec.url, max: 4 });
  return {
    spec,
    credentials: postgres.postgresCredentialStore({
      pool,
      revokeSessionsInWrite: 'web-sessions',
      auditInWrite: true,
    }),
    sessions: postgres.postgresSessionStore({ pool }),
    audit: postgres.postgresAuditSink({ pool }),
    expiryReminders: postgres.postgresExpiryReminderLog({ pool }),
    migrate: () => postgres.migratePostgres({ pool, mailboxTable: options.create }),
    close: () => pool.end(),
  };
}

async function openLdapStore(spec: Extract<StoreSpec, { kind: 'ldap' }>): Promise<OpenedStore> {
  const settings = ldapConnectionSettings(spec.url, process.env);
  const { Client } = await importDriver<typeof import('ldapts')>('ldapts');
  const ldap = await import('../adapters/ldap/index.js');
  const client = new Client({ url: settings.url, autoRebind: true, connectTimeout: 10_000 });
  try {
    await client.bind(settings.bindDn, settings.bindPassword);
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw new PassrotateError('store_unavailable', `cannot bind to ${settings.url} as LDAP_BIND_DN`, {
      cause: error,
    });
  }
  return {
    spec,
    credentials: ldap.ldapCredentialStore({ client, layout: ldap.inetOrgPersonLayout(settings.base) }),
    sessions: null,
    audit: null,
    expiryReminders: null,
    migrate: async () => undefined,
    close: () => client.unbind(),
  };
}

async function importDriver<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new PassrotateError(
      'missing_dependency',
      `this store needs the ${name} package: npm install ${name}`,
      {
        cause: error,
      },
    );
  }
}
