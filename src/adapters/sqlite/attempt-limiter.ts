/** @module AttemptLimiter over SQLite: a fixed window of counted attempts per key. */
import type { Statement } from 'better-sqlite3';
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, decideFromCount, type LimiterSettings } from '../shared/limiter-settings.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { SqliteOptions } from './options.js';

/**
 * Options of `sqliteAttemptLimiter`.
 *
 * @example
 * ```ts
 * const options: SqliteAttemptLimiterOptions = { db, limit: 5, windowMs: 15 * 60_000 };
 * const limiter = sqliteAttemptLimiter(options);
 * ```
 */
export interface SqliteAttemptLimiterOptions extends SqliteOptions, LimiterSettings {
  /** Time source (default: the wall clock). */
  readonly clock?: Clock;
}

/**
 * An `AttemptLimiter` in the `passrotate_attempts` table, shared by every process on the same
 * file: the first attempt opens a window of `windowMs`; `consume` counts up to `limit` attempts
 * in it and refuses the rest until it ends. `consume` and `refund` are one statement each (an
 * upsert that counts only below the limit, returning the count), so racing callers never get more
 * than `limit` allowed. Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const limiter = sqliteAttemptLimiter({ db, limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('account:alice@example.org');
 * ```
 */
export function sqliteAttemptLimiter(options: SqliteAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { q } = resolveSchema(options.schema);
  const { db, limit, windowMs } = options;
  const clock = options.clock ?? systemClock;
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };
  // `failures` holds the attempts counted in the window, or limit + 1 once one was refused.
  function prepare() {
    return {
      consume: db.prepare(
        `INSERT INTO ${q.attempts} (key, failures, window_ends_at) VALUES (@key, 1, @ends)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN ${q.attempts}.window_ends_at <= @now THEN 1
             WHEN ${q.attempts}.failures <= @limit THEN ${q.attempts}.failures + 1
             ELSE ${q.attempts}.failures END,
           window_ends_at = CASE WHEN ${q.attempts}.window_ends_at <= @now THEN @ends ELSE ${q.attempts}.window_ends_at END
         RETURNING failures, window_ends_at`,
      ) as Statement<
        [{ key: string; now: number; ends: number; limit: number }],
        { failures: number; window_ends_at: number }
      >,
      refund: db.prepare(
        `UPDATE ${q.attempts} SET failures = MIN(failures, @limit) - 1
         WHERE key = @key AND window_ends_at > @now AND failures > 0`,
      ),
      reset: db.prepare(`DELETE FROM ${q.attempts} WHERE key = ?`),
    };
  }
  return {
    async consume(key) {
      const now = clock.now().getTime();
      const row = s().consume.get({ key, now, ends: now + windowMs, limit });
      if (row === undefined) throw new Error('sqliteAttemptLimiter: the upsert returned no row');
      return decideFromCount({ limit, windowMs }, row.failures, row.window_ends_at - now);
    },
    async refund(key) {
      s().refund.run({ key, now: clock.now().getTime(), limit });
    },
    async reset(key) {
      s().reset.run(key);
    },
  };
}
