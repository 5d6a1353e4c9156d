/** @module AppPasswordStore over PostgreSQL, in Postfixadmin 4's `mailbox_app_password` table. */
import type { Pool } from 'pg';
import type { AppPasswordRecord, AppPasswordStore } from '../../ports/app-password-store.js';
import {
  appPasswordRowId,
  DEFAULT_APP_PASSWORD_TABLE,
  quoteAppPasswordTable,
} from '../sql/app-password-table.js';
import { quoteIdentifier } from '../sql/mailbox-schema.js';
import { inTransaction } from './transaction.js';

/**
 * Options of {@link postgresAppPasswordStore}.
 *
 * @example
 * ```ts
 * const options: PostgresAppPasswordOptions = { pool, table: 'mailbox_app_password' };
 * ```
 */
export interface PostgresAppPasswordOptions {
  /** A `pg.Pool` (node-postgres 8). */
  readonly pool: Pool;
  /** The table (Postfixadmin 4's name by default: `mailbox_app_password`). */
  readonly table?: string;
}

/**
 * The statements that create the app-password table when missing: Postfixadmin 4's columns (`id`,
 * `username`, `description`, `password_hash`) plus a `created` time, and an index on `username`.
 * `migratePostgres` runs them.
 *
 * @example
 * ```ts
 * for (const sql of appPasswordTableStatements('mailbox_app_password')) await pool.query(sql);
 * ```
 */
export function appPasswordTableStatements(table: string = DEFAULT_APP_PASSWORD_TABLE): readonly string[] {
  const t = quoteAppPasswordTable(table, 'postgres');
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (id BIGSERIAL PRIMARY KEY, username VARCHAR(255) DEFAULT NULL, description VARCHAR(255) DEFAULT NULL, password_hash VARCHAR(255) DEFAULT NULL, created TIMESTAMPTZ DEFAULT NULL)`,
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}_username`, 'postgres')} ON ${t} (username)`,
  ];
}

interface Row {
  readonly id: string;
  readonly username: string;
  readonly description: string | null;
  readonly created?: Date | null;
}

/**
 * An {@link AppPasswordStore} on an injected `pg` pool, in the table Dovecot's app-password passdbs
 * read (see docs/app-passwords.md). Works on Postfixadmin 4's own table too (which has no `created`
 * column: `createdAt` is then `null`).
 *
 * Atomicity: `create` takes a transaction-scoped advisory lock per account
 * (`pg_advisory_xact_lock`), then counts and inserts in one statement, so racing creates on any
 * number of panel instances never leave an account with more than `limit` app passwords.
 * Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * await migratePostgres({ pool });
 * const appPasswords = postgresAppPasswordStore({ pool });
 * await appPasswords.list('alice@example.org');
 * ```
 */
export function postgresAppPasswordStore(options: PostgresAppPasswordOptions): AppPasswordStore {
  const { pool } = options;
  const table = options.table ?? DEFAULT_APP_PASSWORD_TABLE;
  const t = quoteAppPasswordTable(table, 'postgres');
  let hasCreatedColumn: Promise<boolean> | undefined;
  const hasCreated = (): Promise<boolean> => {
    hasCreatedColumn ??= pool
      .query(
        `SELECT 1 FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'created'`,
        [table],
      )
      .then((res) => (res.rowCount ?? 0) > 0);
    hasCreatedColumn.catch(() => {
      hasCreatedColumn = undefined;
    });
    return hasCreatedColumn;
  };

  return {
    async create(entry) {
      const account = entry.account.toLowerCase();
      const created = await hasCreated();
      const id = await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `passrotate_app_password:${table}:${account}`,
        ]);
        // A fresh snapshot after the lock: it sees every create committed by an earlier holder.
        const res = await client.query<{ id: string }>(
          `INSERT INTO ${t} (username, description, password_hash${created ? ', created' : ''})
           SELECT $1::varchar, $2::varchar, $3::varchar${created ? ', $5::timestamptz' : ''}
           WHERE (SELECT count(*) FROM ${t} WHERE username = $1::varchar) < $4::bigint
           RETURNING id`,
          [account, entry.name, entry.passwordHash, entry.limit, ...(created ? [entry.createdAt] : [])],
        );
        return { value: res.rows[0]?.id ?? null };
      });
      return id === null ? { ok: false, code: 'limit_reached' } : { ok: true, id: String(id) };
    },
    async list(account) {
      const created = await hasCreated();
      const res = await pool.query<Row>(
        `SELECT id, username, description${created ? ', created' : ''} FROM ${t} WHERE username = $1 ORDER BY id`,
        [account.toLowerCase()],
      );
      return res.rows.map(
        (row): AppPasswordRecord => ({
          id: String(row.id),
          account: row.username,
          name: row.description ?? '',
          createdAt: row.created ?? null,
        }),
      );
    },
    async revoke(account, id) {
      const rowId = appPasswordRowId(id);
      if (rowId === null) return false;
      const res = await pool.query(`DELETE FROM ${t} WHERE username = $1 AND id = $2`, [
        account.toLowerCase(),
        rowId,
      ]);
      return (res.rowCount ?? 0) > 0;
    },
    async revokeAll(account) {
      const res = await pool.query(`DELETE FROM ${t} WHERE username = $1`, [account.toLowerCase()]);
      return res.rowCount ?? 0;
    },
  };
}
