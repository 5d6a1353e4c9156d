/** @module A minimal SQL client over better-sqlite3, pg or mysql2, for the example's own tables. */
import type { Database } from 'better-sqlite3';
import type { Pool as MysqlPool } from 'mysql2/promise';
import type { Pool } from 'pg';

/** A row as the drivers return it. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** Runs parameterised SQL written with `?` placeholders on either database. */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres' | 'mysql';
  all(sql: string, params?: readonly unknown[]): Promise<readonly SqlRow[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/**
 * Wraps a better-sqlite3 database.
 *
 * @example
 * ```ts
 * const sql = sqliteSqlClient(new Database('data/demo.db'));
 * ```
 */
export function sqliteSqlClient(db: Database): SqlClient {
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => db.prepare(sql).all(...params) as SqlRow[],
    run: async (sql, params = []) => {
      db.prepare(sql).run(...params);
    },
  };
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Wraps a pg pool (`?` placeholders become `$1`, `$2`, …).
 *
 * @example
 * ```ts
 * const sql = postgresSqlClient(new pg.Pool({ connectionString }));
 * ```
 */
export function postgresSqlClient(pool: Pool): SqlClient {
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await pool.query(numbered(sql), [...params])).rows as SqlRow[],
    run: async (sql, params = []) => {
      await pool.query(numbered(sql), [...params]);
    },
  };
}

/**
 * Wraps a mysql2 pool (`?` placeholders as they are).
 *
 * @example
 * ```ts
 * const sql = mysqlSqlClient(mysql.createPool({ host: '127.0.0.1', user: 'root', database: 'mail' }));
 * ```
 */
export function mysqlSqlClient(pool: MysqlPool): SqlClient {
  return {
    dialect: 'mysql',
    all: async (sql, params = []) => (await pool.query(sql, [...params]))[0] as SqlRow[],
    run: async (sql, params = []) => {
      await pool.query(sql, [...params]);
    },
  };
}
