/** @module Creates the tables the MySQL/MariaDB adapters need. */

import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { createStatements } from '../sql/ddl.js';
import type { ResolvedSchema } from '../sql/mailbox-schema.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MigrateOptions } from '../sql/migrate-options.js';
import { appPasswordTableStatements } from './app-password-store.js';
import type { MysqlOptions } from './options.js';
import {
  consumeAttemptProcedure,
  revokeSessions,
  revokeSessionsInTransaction,
  setPasswordProcedure,
} from './procedures.js';
import { mysqlErrno } from './transaction.js';

/** `ER_DUP_KEYNAME`: the index exists already (MySQL 8 has no `CREATE INDEX IF NOT EXISTS`). */
const DUPLICATE_KEY_NAME = 1061;

/**
 * Creates what is missing — the mailbox table in Postfixadmin's layout (with the mapped names) and
 * passrotate's own tables, InnoDB in utf8mb4 — and (re)creates the password-write and session
 * revoke-all stored procedures, under a named lock (`GET_LOCK`), so several instances may run it
 * at once. Existing tables and rows are left alone, so it is safe to run at every start (and
 * needed after upgrading passrotate, or once Postfixadmin created its `domain` table: the
 * procedures read the domain's password expiry days only when that table was there). With
 * `mailboxTable: false` only passrotate's own tables are created. Postfixadmin 4's app-password
 * table (`mailbox_app_password`, or `appPasswordTable`; `false` skips it) is created too. The SQL runs
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
      const procedures = [
        setPasswordProcedure(schema, {
          domainExpiry: await hasDomainExpiry(connection, schema),
          accountType: await accountColumnType(connection, schema),
        }),
        revokeSessionsInTransaction(schema),
        revokeSessions(schema),
        consumeAttemptProcedure(schema),
      ];
      for (const sql of procedures.flatMap((p) => p.ddl)) await connection.query(sql);
    } finally {
      await connection.query("SELECT RELEASE_LOCK('passrotate_migrate')");
    }
  } finally {
    connection.release();
  }
}

/** Whether Postfixadmin's domain table is there with its key and password expiry columns. */
async function hasDomainExpiry(connection: PoolConnection, schema: ResolvedSchema): Promise<boolean> {
  const { domainTable, domainTableKey, domainExpiryDays } = schema.names;
  if (domainTable === null) return false;
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT COUNT(DISTINCT column_name) AS found FROM information_schema.columns
     WHERE table_schema = DATABASE() AND table_name = ? AND column_name IN (?, ?)`,
    [domainTable, domainTableKey, domainExpiryDays],
  );
  return Number(rows[0]?.found) === new Set([domainTableKey, domainExpiryDays]).size;
}

/** The mailbox account column's type with its character set and collation, for procedure parameters. */
async function accountColumnType(connection: PoolConnection, schema: ResolvedSchema): Promise<string> {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT column_type AS type, character_set_name AS charset, collation_name AS collation
     FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`,
    [schema.names.table, schema.names.account],
  );
  const column = rows[0] as { type?: string; charset?: string | null; collation?: string | null } | undefined;
  const safe = (word: string | null | undefined): word is string =>
    typeof word === 'string' && /^[A-Za-z0-9_(),]+$/.test(word);
  if (!column || !safe(column.type) || !safe(column.charset) || !safe(column.collation)) {
    return 'VARCHAR(255) CHARACTER SET utf8mb4';
  }
  return `${column.type} CHARACTER SET ${column.charset} COLLATE ${column.collation}`;
}
