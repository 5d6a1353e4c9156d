/** @module What the SQL migrations create. */

/**
 * Options of `migrateSqlite` and `migratePostgres`.
 *
 * @example
 * ```ts
 * const options: MigrateOptions = { mailboxTable: false }; // Postfixadmin already created `mailbox`
 * migrateSqlite({ db, ...options });
 * ```
 */
export interface MigrateOptions {
  /** Also create the mailbox table when missing (default `true`); `false` creates passrotate's tables only. */
  readonly mailboxTable?: boolean;
}
