/** @module A throwaway MariaDB/MySQL database per test file, on the server named by PASSROTATE_TEST_MYSQL_URL. */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The server URL, or undefined when the tests needing it must be skipped. */
export const mysqlUrl: string | undefined = process.env.PASSROTATE_TEST_MYSQL_URL;

/** A fresh database; `url` names it, `drop()` removes it. */
export interface ScratchMysqlDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * Creates `passrotate_test_<random>` on the server.
 *
 * @example
 * ```ts
 * const scratch = await createScratchMysqlDatabase(mysqlUrl!);
 * await scratch.drop();
 * ```
 */
export async function createScratchMysqlDatabase(serverUrl: string): Promise<ScratchMysqlDatabase> {
  const name = `passrotate_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection(serverUrl);
  try {
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = await mysql.createConnection(serverUrl);
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await c.end();
      }
    },
  };
}
