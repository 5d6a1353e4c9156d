/** @module A throwaway PostgreSQL database per test file, on the server named by PASSROTATE_TEST_PG_URL. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server URL, or undefined when the tests needing it must be skipped. */
export const pgUrl: string | undefined = process.env.PASSROTATE_TEST_PG_URL;

/** A fresh database and a pool on it; `drop()` closes the pool and removes the database. */
export interface ScratchDatabase {
  readonly pool: pg.Pool;
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates `passrotate_test_<random>` on the server and returns a pool on it.
 *
 * @example
 * ```ts
 * const scratch = await createScratchDatabase(pgUrl!);
 * await scratch.drop();
 * ```
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `passrotate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 12 });
  // DROP … WITH (FORCE) in drop() can reach a client pool.end() is still closing; the server's
  // "terminating connection" then arrives as an idle-client error, expected at that point.
  pool.on('error', () => {});
  return {
    pool,
    url: url.toString(),
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
