/** @module Options shared by the MySQL/MariaDB adapters. */
import type { Pool } from 'mysql2/promise';
import type { MailboxSchema } from '../sql/mailbox-schema.js';

/**
 * The injected `mysql2/promise` pool and an optional schema mapping.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * const options: MysqlOptions = { pool: mysql.createPool(process.env.DATABASE_URL ?? '') };
 * const store = mysqlCredentialStore(options);
 * ```
 */
export interface MysqlOptions {
  /** A `mysql2/promise` pool (mysql2 3). Transactions check out one connection each. */
  readonly pool: Pool;
  /** Table and column names (default: Postfixadmin's `mailbox`, tables prefixed `passrotate_`). */
  readonly schema?: Partial<MailboxSchema>;
}

/**
 * Options of `mysqlCredentialStore`: {@link MysqlOptions} plus where the web sessions and the audit trail live.
 *
 * @example
 * ```ts
 * const store = mysqlCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true });
 * ```
 */
export interface MysqlCredentialStoreOptions extends MysqlOptions {
  /**
   * The name of the session revoker (`sessionStoreRevoker`'s, `web-sessions` by default) whose
   * outbox rows this store carries out inside the password write, on the session tables of the
   * same database (`mysqlSessionStore` over the same pool and `schema`): the epoch raise and the
   * deletion of the sessions (but the kept one) commit with the new hash, so no session outlives
   * the old password, and the rotation saves the revoker call and the outbox round trips. Set it
   * only when the web sessions are in `mysqlSessionStore` on this database. Default: none.
   */
  readonly revokeSessionsInWrite?: string;
  /**
   * Record the flows' audit events of a successful write (`PasswordWrite.auditEvents`) in this
   * database's audit table (`passrotate_audit`, the rows `mysqlAuditSink` over the same pool and
   * `schema` writes) inside the write's transaction, and answer `auditRecorded: true`, so the flows
   * do not send them to the sink again: one round trip less per rotation, and no audit row without
   * its change (nor a change without its row). Set it only when the flows' audit sink is
   * `mysqlAuditSink` on this database. Default `false`.
   */
  readonly auditInWrite?: boolean;
}
