/** @module Options shared by the SQLite adapters. */
import type { Database } from 'better-sqlite3';
import type { MailboxSchema } from '../sql/mailbox-schema.js';

/**
 * The injected better-sqlite3 database and an optional schema mapping.
 *
 * @example
 * ```ts
 * const options: SqliteOptions = { db: new Database('mail.sqlite'), schema: { table: 'mailboxes' } };
 * const store = sqliteCredentialStore(options);
 * ```
 */
export interface SqliteOptions {
  /** An open better-sqlite3 12 `Database`. */
  readonly db: Database;
  /** Table and column names (default: Postfixadmin's `mailbox`, tables prefixed `passrotate_`). */
  readonly schema?: Partial<MailboxSchema>;
}

/**
 * Options of `sqliteCredentialStore`: {@link SqliteOptions} plus where the web sessions and the audit trail live.
 *
 * @example
 * ```ts
 * const store = sqliteCredentialStore({ db, revokeSessionsInWrite: 'web-sessions', auditInWrite: true });
 * ```
 */
export interface SqliteCredentialStoreOptions extends SqliteOptions {
  /**
   * The name of the session revoker (`sessionStoreRevoker`'s, `web-sessions` by default) whose
   * outbox rows this store carries out inside the password write, on the session tables of the
   * same database (`sqliteSessionStore` over the same `db` and `schema`): the epoch raise and the
   * deletion of the sessions (but the kept one) commit with the new hash. Set it only when the web
   * sessions are in `sqliteSessionStore` on this database. Default: none.
   */
  readonly revokeSessionsInWrite?: string;
  /**
   * Record the flows' audit events of a successful write (`PasswordWrite.auditEvents`) in this
   * database's audit table (`passrotate_audit`, the rows `sqliteAuditSink` over the same `db` and
   * `schema` writes) inside the write's transaction, and answer `auditRecorded: true`, so the flows
   * do not send them to the sink again: one round trip less per rotation, and no audit row without
   * its change (nor a change without its row). Set it only when the flows' audit sink is
   * `sqliteAuditSink` on this database. Default `false`.
   */
  readonly auditInWrite?: boolean;
}
