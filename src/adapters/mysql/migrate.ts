/** @module Creates the tables the MySQL/MariaDB adapters need. */
import { createStatements } from '../sql/ddl.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MigrateOptions } from '../sql/migrate-options.js';
import { appPasswordTableStatements } from './app-password-store.js';
import type { MysqlOptions } from './options.js';
import { mysqlErrno } from './transaction.js';

/** `ER_DUP_KEYNAME`: the index exists already (MySQL 8 has no `CREATE INDEX IF NOT EXISTS`). */
const DUPLICATE_KEY_NAME = 1061;

/**
 * Creates what is missing — the mailbox table in Postfixadmin's layout (with the mapped names) and
 * passrotate's own tables, InnoDB in utf8mb4 — under a named lock (`GET_LOCK`), so several
 * instances may run it at once. Existing tables and rows are left alone, so it is safe to run at
 * every start. With `mailboxTable: false` only passrotate's own tables are created. Postfixadmin
 * 4's app-password table (`mailbox_app_password`, or `appPasswordTable`; `false` skips it) is
 * created too. The SQL runs
 * on MariaDB (tested: 10.11) and MySQL 8 alike (DDL commits implicitly there, so each statement
 * stands alone).
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * const pool = mysql.createPool(process.env.DATABASE_URL ?? '');
 * await migrateMysql({ pool });
 * ```
 */
export async function migrateMysql(
  options: MysqlOptions & MigrateOptions & { readonly appPasswordTable?: string | false },
): Promise<void> {
  const schema = resolveSchema(options.schema, 'mysql');
  const connection = await options.pool.getConnection();
  try {
    await connection.query("SELECT GET_LOCK('passrotate_migrate', 60)");
    try {
      const appPasswordTable =
        options.appPasswordTable === false ? [] : appPasswordTableStatements(options.appPasswordTable);
      for (const sql of [...createStatements('mysql', schema, options), ...appPasswordTable]) {
        await connection.query(sql).catch((error: unknown) => {
          if (!(sql.startsWith('CREATE INDEX') && mysqlErrno(error) === DUPLICATE_KEY_NAME)) throw error;
        });
      }
    } finally {
      await connection.query("SELECT RELEASE_LOCK('passrotate_migrate')");
    }
  } finally {
    connection.release();
  }
}
