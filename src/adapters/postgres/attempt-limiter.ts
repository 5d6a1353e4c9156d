/** @module AttemptLimiter over PostgreSQL: a fixed window of counted attempts per key. */
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, decideFromCount, type LimiterSettings } from '../shared/limiter-settings.js';
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
 * database: the first attempt opens a window of `windowMs`; `consume` counts up to `limit`
 * attempts in it and refuses the rest until it ends. `consume` is one `INSERT … ON CONFLICT DO
 * UPDATE … RETURNING` (the row is locked while it counts, so racing callers never get more than
 * `limit` allowed) and `refund` one `UPDATE`. Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * const limiter = postgresAttemptLimiter({ pool, limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('client:203.0.113.5');
 * ```
 */
export function postgresAttemptLimiter(options: PostgresAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { q } = resolveSchema(options.schema);
  const { pool, limit, windowMs } = options;
  const clock = options.clock ?? systemClock;
  // `failures` holds the attempts counted in the window, or limit + 1 once one was refused.
  return {
    async consume(key) {
      const now = clock.now().getTime();
      const res = await pool.query<{ failures: string; window_ends_at: string }>(
        `INSERT INTO ${q.attempts} (key, failures, window_ends_at) VALUES ($1, 1, $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN ${q.attempts}.window_ends_at <= $2::bigint THEN 1
             WHEN ${q.attempts}.failures <= $4::bigint THEN ${q.attempts}.failures + 1
             ELSE ${q.attempts}.failures END,
           window_ends_at = CASE WHEN ${q.attempts}.window_ends_at <= $2::bigint THEN $3::bigint
             ELSE ${q.attempts}.window_ends_at END
         RETURNING failures, window_ends_at`,
        [key, now, now + windowMs, limit],
      );
      const row = res.rows[0];
      if (row === undefined) throw new Error('postgresAttemptLimiter: the upsert returned no row');
      return decideFromCount({ limit, windowMs }, Number(row.failures), Number(row.window_ends_at) - now);
    },
    async refund(key) {
      await pool.query(
        `UPDATE ${q.attempts} SET failures = LEAST(failures, $3::bigint) - 1
         WHERE key = $1 AND window_ends_at > $2::bigint AND failures > 0`,
        [key, clock.now().getTime(), limit],
      );
    },
    async reset(key) {
      await pool.query(`DELETE FROM ${q.attempts} WHERE key = $1`, [key]);
    },
  };
}
