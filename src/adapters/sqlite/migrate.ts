/** @module Creates the tables the SQLite adapters need. */
import { createStatements } from '../sql/ddl.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MigrateOptions } from '../sql/migrate-options.js';
import { appPasswordTableStatements } from './app-password-store.js';
import type { SqliteOptions } from './options.js';

/**
 * Creates what is missing — the mailbox table in Postfixadmin's layout (with the mapped names) and
 * passrotate's own tables, and Postfixadmin 4's app-password table (`mailbox_app_password`, or
 * `appPasswordTable`; `false` skips it) — in one transaction. Existing tables and rows are left alone, so it is
 * safe to run at every start. With `mailboxTable: false` only passrotate's own tables are created.
 * Also sets `PRAGMA secure_delete = ON` on the connection (deleted rows are overwritten with zeros).
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const db = new Database('mail.sqlite');
 * migrateSqlite({ db });
 * ```
 */
export function migrateSqlite(
  options: SqliteOptions & MigrateOptions & { readonly appPasswordTable?: string | false },
): void {
  const schema = resolveSchema(options.schema);
  const { db } = options;
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    for (const sql of createStatements('sqlite', schema, options)) db.exec(sql);
    if (options.appPasswordTable === false) return;
    for (const sql of appPasswordTableStatements(options.appPasswordTable)) db.exec(sql);
  })();
}
