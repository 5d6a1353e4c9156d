/** @module AttemptLimiter over PostgreSQL: a fixed window of failures per key. */
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, type LimiterSettings } from '../shared/limiter-settings.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

/**
 * Options of `postgresAttemptLimiter`.
 *
 * @example
 * ```ts
 * const options: PostgresAttemptLimiterOptions = { pool, limit: 5, windowMs: 15 * 60_000 };
 * const limiter = postgresAttemptLimiter(options);
 * ```
 */
export interface PostgresAttemptLimiterOptions extends PostgresOptions, LimiterSettings {
  /** Time source (default: the wall clock). */
  readonly clock?: Clock;
}

/**
 * An `AttemptLimiter` in the `passrotate_attempts` table, shared by every instance on the same
 * database: the first failure opens a window of `windowMs`; once `limit` failures are counted in
 * it, `check` refuses until it ends. Each `recordFailure` is one atomic upsert. Run
 * `migratePostgres` first.
 *
 * @example
 * ```ts
 * const limiter = postgresAttemptLimiter({ pool, limit: 5, windowMs: 15 * 60_000 });
 * await limiter.recordFailure('client:203.0.113.5');
 * ```
 */
export function postgresAttemptLimiter(options: PostgresAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { q } = resolveSchema(options.schema);
  const { pool, limit, windowMs } = options;
  const clock = options.clock ?? systemClock;
  return {
    async check(key) {
      const now = clock.now().getTime();
      const res = await pool.query<{ failures: string; window_ends_at: string }>(
        `SELECT failures, window_ends_at FROM ${q.attempts} WHERE key = $1`,
        [key],
      );
      const row = res.rows[0];
      if (row === undefined) return { allowed: true };
      const ends = Number(row.window_ends_at);
      if (ends <= now || Number(row.failures) < limit) return { allowed: true };
      return { allowed: false, retryAfterMs: ends - now };
    },
    async recordFailure(key) {
      const now = clock.now().getTime();
      await pool.query(
        `INSERT INTO ${q.attempts} (key, failures, window_ends_at) VALUES ($1, 1, $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN ${q.attempts}.window_ends_at <= $2::bigint THEN 1 ELSE ${q.attempts}.failures + 1 END,
           window_ends_at = CASE WHEN ${q.attempts}.window_ends_at <= $2::bigint THEN $3::bigint
             ELSE ${q.attempts}.window_ends_at END`,
        [key, now, now + windowMs],
      );
    },
    async reset(key) {
      await pool.query(`DELETE FROM ${q.attempts} WHERE key = $1`, [key]);
    },
  };
}
