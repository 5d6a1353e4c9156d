/** @module Runs a function inside one READ COMMITTED transaction on a pooled MySQL/MariaDB connection. */
import type { Pool, PoolConnection } from 'mysql2/promise';

/**
 * Checks out a connection, runs `work` in a READ COMMITTED transaction (each statement sees every
 * commit made before it, as in PostgreSQL, and searches take no gap locks), commits, or rolls back
 * when `work` throws or returns `{ rollback: true }`. A connection whose rollback fails is
 * destroyed rather than returned to the pool.
 *
 * @example
 * ```ts
 * await inTransaction(pool, async (c) => ({ value: await c.query('SELECT 1') }));
 * ```
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (connection: PoolConnection) => Promise<{ value: T; rollback?: boolean }>,
): Promise<T> {
  const connection = await pool.getConnection();
  let broken = false;
  try {
    await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await connection.beginTransaction();
    const outcome = await work(connection);
    if (outcome.rollback) await connection.rollback();
    else await connection.commit();
    return outcome.value;
  } catch (error) {
    await connection.rollback().catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    if (broken) connection.destroy();
    else connection.release();
  }
}

/**
 * The server's error number of a failed query (`errno`), or `undefined`.
 *
 * @example
 * ```ts
 * if (mysqlErrno(error) === 1062) return { ok: false, code: 'conflict' };
 * ```
 */
export function mysqlErrno(error: unknown): number | undefined {
  const errno = (error as { errno?: unknown } | null)?.errno;
  return typeof errno === 'number' ? errno : undefined;
}
