/** @module Options shared by the PostgreSQL adapters. */
import type { Pool } from 'pg';
import type { MailboxSchema } from '../sql/mailbox-schema.js';

/**
 * The injected `pg` pool and an optional schema mapping.
 *
 * @example
 * ```ts
 * const options: PostgresOptions = { pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) };
 * const store = postgresCredentialStore(options);
 * ```
 */
export interface PostgresOptions {
  /** A `pg.Pool` (node-postgres 8). Transactions check out one client each. */
  readonly pool: Pool;
  /** Table and column names (default: Postfixadmin's `mailbox`, tables prefixed `passrotate_`). */
  readonly schema?: Partial<MailboxSchema>;
}

/**
 * Options of `postgresCredentialStore`: {@link PostgresOptions} plus where the web sessions and
 * the audit trail live.
 *
 * @example
 * ```ts
 * const store = postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true });
 * ```
 */
export interface PostgresCredentialStoreOptions extends PostgresOptions {
  /**
   * The name of the session revoker (`sessionStoreRevoker`'s, `web-sessions` by default) whose
   * outbox rows this store carries out inside the password write, on the session tables of the
   * same database and schema (`postgresSessionStore` over the same pool and `schema`): the epoch
   * raise and the deletion of the sessions (but the kept one) commit with the new hash, so no
   * session outlives the old password, and the rotation saves the revoker call and the outbox
   * round trips. Set it only when the web sessions are in `postgresSessionStore` on this database.
   * Default: none (every row goes to the outbox).
   */
  readonly revokeSessionsInWrite?: string;
  /**
   * Record the flows' audit events of a successful write (`PasswordWrite.auditEvents`) in this
   * database and schema's audit table (`passrotate_audit`, the rows `postgresAuditSink` over the
   * same pool and `schema` writes) inside the write's transaction, and answer `auditRecorded: true`,
   * so the flows do not send them to the sink again: one round trip less per rotation, and no audit
   * row without its change (nor a change without its row). Set it only when the flows' audit sink is
   * `postgresAuditSink` on this database and schema. Default `false`.
   */
  readonly auditInWrite?: boolean;
}
