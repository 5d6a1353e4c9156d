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
