/** @module AttemptLimiter over MySQL/MariaDB: a fixed window of counted attempts per key. */
import type { RowDataPacket } from 'mysql2/promise';
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, decideFromCount, type LimiterSettings } from '../shared/limiter-settings.js';
import { quoteIdentifier, resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';
import { inTransaction } from './transaction.js';

/**
 * Options of `mysqlAttemptLimiter`.
 *
 * @example
 * ```ts
 * const options: MysqlAttemptLimiterOptions = { pool, limit: 5, windowMs: 15 * 60_000 };
 * const limiter = mysqlAttemptLimiter(options);
 * ```
 */
export interface MysqlAttemptLimiterOptions extends MysqlOptions, LimiterSettings {
  /** Time source (default: the wall clock). */
  readonly clock?: Clock;
}

/**
 * An `AttemptLimiter` in the `passrotate_attempts` table, shared by every instance on the same
 * MariaDB (tested: 10.11) or MySQL 8 database: the first attempt opens a window of `windowMs`;
 * `consume` counts up to `limit` attempts in it and refuses the rest until it ends. Neither server
 * returns the row an upsert wrote, so `consume` is one InnoDB transaction: an `INSERT … ON
 * DUPLICATE KEY UPDATE` that counts only below the limit (and locks the key's row until commit),
 * then a `SELECT` of that row, which no racing caller can change in between — so racing callers
 * never get more than `limit` allowed. `refund` is one `UPDATE`. Run `migrateMysql` first.
 *
 * @example
 * ```ts
 * const limiter = mysqlAttemptLimiter({ pool, limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('client:203.0.113.5');
 * ```
 */
export function mysqlAttemptLimiter(options: MysqlAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { q } = resolveSchema(options.schema, 'mysql');
  const { pool, limit, windowMs } = options;
  const clock = options.clock ?? systemClock;
  const key = quoteIdentifier('key', 'mysql');
  // `failures` holds the attempts counted in the window, or limit + 1 once one was refused. MySQL
  // assigns left to right and a later assignment reads the earlier one's result, so `failures`
  // (which reads the old `window_ends_at`) comes first.
  const upsert = `INSERT INTO ${q.attempts} (${key}, failures, window_ends_at) VALUES (?, 1, ?)
    ON DUPLICATE KEY UPDATE
      failures = CASE WHEN window_ends_at <= ? THEN 1 WHEN failures <= ? THEN failures + 1 ELSE failures END,
      window_ends_at = CASE WHEN window_ends_at <= ? THEN ? ELSE window_ends_at END`;
  return {
    async consume(attemptKey) {
      const now = clock.now().getTime();
      const ends = now + windowMs;
      const row = await inTransaction(pool, async (connection) => {
        await connection.query(upsert, [attemptKey, ends, now, limit, now, ends]);
        const [rows] = await connection.query<RowDataPacket[]>(
          `SELECT failures, window_ends_at FROM ${q.attempts} WHERE ${key} = ?`,
          [attemptKey],
        );
        return { value: rows[0] };
      });
      if (row === undefined) throw new Error('mysqlAttemptLimiter: the upsert left no row');
      return decideFromCount({ limit, windowMs }, Number(row.failures), Number(row.window_ends_at) - now);
    },
    async refund(attemptKey) {
      await pool.query(
        `UPDATE ${q.attempts} SET failures = LEAST(failures, ?) - 1
         WHERE ${key} = ? AND window_ends_at > ? AND failures > 0`,
        [limit, attemptKey, clock.now().getTime()],
      );
    },
    async reset(attemptKey) {
      await pool.query(`DELETE FROM ${q.attempts} WHERE ${key} = ?`, [attemptKey]);
    },
  };
}
