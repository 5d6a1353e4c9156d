/** @module AttemptLimiter over MySQL/MariaDB: a fixed window of counted attempts per key. */
import type { RowDataPacket } from 'mysql2/promise';
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, decideFromCount, type LimiterSettings } from '../shared/limiter-settings.js';
import { quoteIdentifier, resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';
import { consumeAttemptProcedure } from './procedures.js';

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
 * returns the row an upsert wrote, so `consume` is one call of the stored procedure `migrateMysql`
 * creates (`consumeAttemptProcedure`, one round trip): in one InnoDB transaction an `INSERT … ON
 * DUPLICATE KEY UPDATE` that counts only below the limit (and locks the key's row until commit),
 * then a `SELECT` of that row, which no racing caller can change in between — so racing callers
 * never get more than `limit` allowed. `refund` is one `UPDATE`. Run `migrateMysql` first (at every
 * start: it replaces the procedures after an upgrade).
 *
 * @example
 * ```ts
 * const limiter = mysqlAttemptLimiter({ pool, limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('client:203.0.113.5');
 * ```
 */
export function mysqlAttemptLimiter(options: MysqlAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const schema = resolveSchema(options.schema, 'mysql');
  const { q } = schema;
  const { pool, limit, windowMs } = options;
  const clock = options.clock ?? systemClock;
  const key = quoteIdentifier('key', 'mysql');
  const consume = consumeAttemptProcedure(schema).name;
  return {
    async consume(attemptKey) {
      const now = clock.now().getTime();
      const [sets] = await pool.execute<RowDataPacket[][]>(`CALL ${consume}(?, ?, ?, ?)`, [
        attemptKey,
        now,
        now + windowMs,
        limit,
      ]);
      const row = sets[0]?.[0];
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
