/** @module A throwaway MariaDB/MySQL database per test file, on the server named by PASSROTATE_TEST_MYSQL_URL. */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The server URL (`mysql://root@127.0.0.1:PORT/mysql`), or undefined when there is none. */
export const mysqlUrl: string | undefined = process.env.PASSROTATE_TEST_MYSQL_URL;

/** Skip the MySQL suites only outside CI: under `CI=true` a missing server is a failure. */
export const skipMysql: boolean = mysqlUrl === undefined && process.env.CI !== 'true';

/** A fresh database and a pool on it; `drop()` closes the pool and removes the database. */
export interface ScratchMysqlDatabase {
  readonly pool: mysql.Pool;
  /** `mysql://…/NAME` of the scratch database. */
  readonly url: string;
  readonly name: string;
  readonly host: string;
  readonly port: number;
  drop(): Promise<void>;
}

/**
 * Creates `passrotate_test_<random>` on the server and returns a pool on it.
 *
 * @example
 * ```ts
 * const scratch = await createScratchMysqlDatabase();
 * await scratch.drop();
 * ```
 */
export async function createScratchMysqlDatabase(serverUrl = mysqlUrl): Promise<ScratchMysqlDatabase> {
  if (serverUrl === undefined) throw new Error('PASSROTATE_TEST_MYSQL_URL is not set');
  const name = `passrotate_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection(serverUrl);
  try {
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = mysql.createPool({ uri: url.toString(), connectionLimit: 12 });
  return {
    pool,
    url: url.toString(),
    name,
    host: url.hostname,
    port: Number(url.port || 3306),
    async drop() {
      await pool.end();
      const c = await mysql.createConnection(serverUrl);
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await c.end();
      }
    },
  };
}
