/** @module What the SQL migrations create. */

/** Options of `migrateSqlite` and `migratePostgres`. */
export interface MigrateOptions {
  /** Also create the mailbox table when missing (default `true`); `false` creates passrotate's tables only. */
  readonly mailboxTable?: boolean;
}
