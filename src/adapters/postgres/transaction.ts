/** @module Runs a function inside one PostgreSQL transaction on a pooled client. */
import type { Pool, PoolClient } from 'pg';

/**
 * Checks out a client, runs `work` between `BEGIN` and `COMMIT`, rolls back if it throws or
 * returns `{ rollback: true }`, and always releases the client.
 *
 * @example
 * ```ts
 * await inTransaction(pool, async (c) => ({ value: await c.query('SELECT 1') }));
 * ```
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<{ value: T; rollback?: boolean }>,
): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const outcome = await work(client);
    await client.query(outcome.rollback ? 'ROLLBACK' : 'COMMIT');
    return outcome.value;
  } catch (error) {
    broken = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A client whose connection broke mid-transaction is destroyed rather than reused.
    client.release(broken instanceof Error && !('code' in broken) ? broken : undefined);
  }
}
