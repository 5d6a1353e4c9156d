/** @module AppPasswordStore over SQLite, in Postfixadmin 4's `mailbox_app_password` table. */
import type { Database } from 'better-sqlite3';
import type { AppPasswordRecord, AppPasswordStore } from '../../ports/app-password-store.js';
import { quoteIdentifier } from '../sql/mailbox-schema.js';

/**
 * Options of {@link sqliteAppPasswordStore} and of the app-password part of `migrateSqlite`.
 *
 * @example
 * ```ts
 * const options: SqliteAppPasswordOptions = { db, table: 'mailbox_app_password' };
 * ```
 */
export interface SqliteAppPasswordOptions {
  /** An open better-sqlite3 12 `Database`. */
  readonly db: Database;
  /** The table (Postfixadmin 4's name by default: `mailbox_app_password`). */
  readonly table?: string;
}

const DEFAULT_TABLE = 'mailbox_app_password';

/** The table name, checked to be a plain identifier, and quoted. */
function quotedTable(table: string = DEFAULT_TABLE): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(table)) {
    throw new TypeError(`table must be a plain SQL identifier, got ${JSON.stringify(table)}`);
  }
  return quoteIdentifier(table, 'sqlite');
}

/**
 * The statements that create the app-password table when missing: Postfixadmin 4's columns (`id`,
 * `username`, `description`, `password_hash`) plus a `created` time, and an index on `username`.
 *
 * @example
 * ```ts
 * for (const sql of appPasswordTableStatements('mailbox_app_password')) db.exec(sql);
 * ```
 */
export function appPasswordTableStatements(table: string = DEFAULT_TABLE): readonly string[] {
  const t = quotedTable(table);
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(255) DEFAULT NULL, description VARCHAR(255) DEFAULT NULL, password_hash VARCHAR(255) DEFAULT NULL, created TEXT DEFAULT NULL)`,
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}_username`, 'sqlite')} ON ${t} (username)`,
  ];
}

/** Postfixadmin's DATETIME text, UTC: `2026-01-31 12:00:00`. */
function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

interface Row {
  readonly id: number;
  readonly username: string;
  readonly description: string | null;
  readonly created?: string | null;
}

/**
 * An {@link AppPasswordStore} on an injected better-sqlite3 database, in the table Dovecot's
 * app-password passdb reads (see docs/app-passwords.md). Works on Postfixadmin 4's own table too
 * (which has no `created` column: `createdAt` is then `null`).
 *
 * Atomicity: `create` counts the account's rows and inserts in one `BEGIN IMMEDIATE` transaction,
 * which takes SQLite's write lock first, so the limit holds across processes sharing the file.
 * Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * migrateSqlite({ db });
 * const appPasswords = sqliteAppPasswordStore({ db });
 * await appPasswords.list('alice@example.org');
 * ```
 */
export function sqliteAppPasswordStore(options: SqliteAppPasswordOptions): AppPasswordStore {
  const { db } = options;
  const t = quotedTable(options.table);
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };

  function prepare() {
    const columns = db
      .prepare(`PRAGMA table_info(${t})`)
      .all()
      .map((c) => (c as { name: string }).name);
    const hasCreated = columns.includes('created');
    const count = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM ${t} WHERE username = ?`);
    const insert = hasCreated
      ? db.prepare(
          `INSERT INTO ${t} (username, description, password_hash, created) VALUES (@account, @name, @hash, @created)`,
        )
      : db.prepare(`INSERT INTO ${t} (username, description, password_hash) VALUES (@account, @name, @hash)`);
    const create = db.transaction(
      (entry: { account: string; name: string; hash: string; created: string; limit: number }) => {
        if ((count.get(entry.account)?.n ?? 0) >= entry.limit) return null;
        const { account, name, hash, created } = entry;
        return insert.run(hasCreated ? { account, name, hash, created } : { account, name, hash })
          .lastInsertRowid;
      },
    );
    return {
      create,
      list: db.prepare<[string], Row>(
        `SELECT id, username, description${hasCreated ? ', created' : ''} FROM ${t} WHERE username = ? ORDER BY id`,
      ),
      revoke: db.prepare<[string, number]>(`DELETE FROM ${t} WHERE username = ? AND id = ?`),
      revokeAll: db.prepare<[string]>(`DELETE FROM ${t} WHERE username = ?`),
    };
  }

  return {
    async create(entry) {
      const id = s().create.immediate({
        account: entry.account.toLowerCase(),
        name: entry.name,
        hash: entry.passwordHash,
        created: sqlTime(entry.createdAt),
        limit: entry.limit,
      });
      return id === null ? { ok: false, code: 'limit_reached' } : { ok: true, id: String(id) };
    },
    async list(account) {
      return s()
        .list.all(account.toLowerCase())
        .map(
          (row): AppPasswordRecord => ({
            id: String(row.id),
            account: row.username,
            name: row.description ?? '',
            createdAt: row.created ? new Date(`${row.created.replace(' ', 'T')}Z`) : null,
          }),
        );
    },
    async revoke(account, id) {
      if (!/^[1-9]\d{0,15}$/.test(id)) return false;
      return s().revoke.run(account.toLowerCase(), Number(id)).changes > 0;
    },
    async revokeAll(account) {
      return s().revokeAll.run(account.toLowerCase()).changes;
    },
  };
}
