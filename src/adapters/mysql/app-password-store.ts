/** @module AppPasswordStore over MySQL/MariaDB, in Postfixadmin 4's `mailbox_app_password` table. */
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { AppPasswordRecord, AppPasswordStore } from '../../ports/app-password-store.js';
import {
  appPasswordRowId,
  DEFAULT_APP_PASSWORD_TABLE,
  quoteAppPasswordTable,
} from '../sql/app-password-table.js';

/**
 * Options of {@link mysqlAppPasswordStore}.
 *
 * @example
 * ```ts
 * const options: MysqlAppPasswordOptions = { pool, table: 'mailbox_app_password' };
 * ```
 */
export interface MysqlAppPasswordOptions {
  /** A `mysql2/promise` pool (mysql2 3). */
  readonly pool: Pool;
  /** The table (Postfixadmin 4's name by default: `mailbox_app_password`). */
  readonly table?: string;
  /** Seconds `create` waits for another create on the same account (default 10). */
  readonly lockTimeoutSeconds?: number;
}

/**
 * The statement that creates the app-password table when missing, InnoDB in utf8mb4: Postfixadmin
 * 4's columns (`id`, `username`, `description`, `password_hash`) plus a `created` time (UTC), with
 * an index on `username`. `migrateMysql` runs it.
 *
 * @example
 * ```ts
 * for (const sql of appPasswordTableStatements('mailbox_app_password')) await pool.query(sql);
 * ```
 */
export function appPasswordTableStatements(table: string = DEFAULT_APP_PASSWORD_TABLE): readonly string[] {
  const t = quoteAppPasswordTable(table, 'mysql');
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, username VARCHAR(255) DEFAULT NULL, description VARCHAR(255) DEFAULT NULL, password_hash VARCHAR(255) DEFAULT NULL, created DATETIME DEFAULT NULL, KEY username (username)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  ];
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the `created` column keeps it. */
function utcText(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

interface Row extends RowDataPacket {
  readonly id: number | string;
  readonly username: string;
  readonly description: string | null;
  readonly created?: string | null;
}

/**
 * An {@link AppPasswordStore} on an injected mysql2 pool, in the table Dovecot's app-password
 * passdbs read (see docs/app-passwords.md). Works on Postfixadmin 4's own table too (which has no
 * `created` column: `createdAt` is then `null`).
 *
 * Atomicity: `create` holds a named lock per account (`GET_LOCK`, released right after) while it
 * counts and then inserts, so racing creates on any number of panel instances never leave an account
 * with more than `limit` app passwords. Run `migrateMysql` first.
 *
 * @example
 * ```ts
 * await migrateMysql({ pool });
 * const appPasswords = mysqlAppPasswordStore({ pool });
 * await appPasswords.list('alice@example.org');
 * ```
 */
export function mysqlAppPasswordStore(options: MysqlAppPasswordOptions): AppPasswordStore {
  const { pool } = options;
  const table = options.table ?? DEFAULT_APP_PASSWORD_TABLE;
  const t = quoteAppPasswordTable(table, 'mysql');
  const lockTimeout = options.lockTimeoutSeconds ?? 10;
  let hasCreatedColumn: Promise<boolean> | undefined;
  const hasCreated = (): Promise<boolean> => {
    hasCreatedColumn ??= pool
      .query<RowDataPacket[]>(
        `SELECT 1 FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name = ? AND column_name = 'created'`,
        [table],
      )
      .then(([rows]) => rows.length > 0);
    hasCreatedColumn.catch(() => {
      hasCreatedColumn = undefined;
    });
    return hasCreatedColumn;
  };

  return {
    async create(entry) {
      const account = entry.account.toLowerCase();
      const created = await hasCreated();
      const connection = await pool.getConnection();
      // GET_LOCK names are at most 64 characters: a digest of the table and account.
      const lock = "CONCAT('passrotate_apppw_', SHA1(?))";
      const lockKey = `${table}:${account}`;
      let held = false;
      try {
        const [[got]] = await connection.query<RowDataPacket[]>(`SELECT GET_LOCK(${lock}, ?) AS got`, [
          lockKey,
          lockTimeout,
        ]);
        if (got?.got !== 1) {
          throw new Error(
            `mysqlAppPasswordStore: timed out waiting for the lock of an account's app passwords`,
          );
        }
        held = true;
        // Autocommit: each statement sees every create committed by an earlier holder of the lock.
        // A plain INSERT … VALUES (not INSERT … SELECT, which takes the table's AUTO-INC lock and
        // deadlocks with creates on other accounts).
        const [[counted]] = await connection.query<RowDataPacket[]>(
          `SELECT COUNT(*) AS n FROM ${t} WHERE username = ?`,
          [account],
        );
        if (Number(counted?.n ?? 0) >= entry.limit) return { ok: false, code: 'limit_reached' };
        const [result] = await connection.query<ResultSetHeader>(
          `INSERT INTO ${t} (username, description, password_hash${created ? ', created' : ''})
           VALUES (?, ?, ?${created ? ', ?' : ''})`,
          [account, entry.name, entry.passwordHash, ...(created ? [utcText(entry.createdAt)] : [])],
        );
        return { ok: true, id: String(result.insertId) };
      } finally {
        if (held) {
          await connection.query(`SELECT RELEASE_LOCK(${lock})`, [lockKey]).then(
            () => connection.release(),
            // A connection that cannot release its lock is closed: the server releases it then.
            () => connection.destroy(),
          );
        } else {
          connection.release();
        }
      }
    },
    async list(account) {
      const created = await hasCreated();
      const [rows] = await pool.query<Row[]>(
        `SELECT id, username, description${created ? ", DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s') AS created" : ''}
         FROM ${t} WHERE username = ? ORDER BY id`,
        [account.toLowerCase()],
      );
      return rows.map(
        (row): AppPasswordRecord => ({
          id: String(row.id),
          account: row.username,
          name: row.description ?? '',
          createdAt: row.created ? new Date(`${row.created.replace(' ', 'T')}Z`) : null,
        }),
      );
    },
    async revoke(account, id) {
      const rowId = appPasswordRowId(id);
      if (rowId === null) return false;
      const [result] = await pool.query<ResultSetHeader>(`DELETE FROM ${t} WHERE username = ? AND id = ?`, [
        account.toLowerCase(),
        rowId,
      ]);
      return result.affectedRows > 0;
    },
    async revokeAll(account) {
      const [result] = await pool.query<ResultSetHeader>(`DELETE FROM ${t} WHERE username = ?`, [
        account.toLowerCase(),
      ]);
      return result.affectedRows;
    },
  };
}
