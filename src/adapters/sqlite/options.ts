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
