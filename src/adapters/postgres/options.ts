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
