/** @module AttemptLimiter over SQLite: a fixed window of failures per key. */
import type { Statement } from 'better-sqlite3';
import type { AttemptLimiter, Clock } from '../../ports/index.js';
import { systemClock } from '../../ports/index.js';
import { checkLimiterOptions, type LimiterSettings } from '../shared/limiter-settings.js';
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
 * An `AttemptLimiter` in the `passrotate_attempts` table: the first failure opens a window of
 * `windowMs`; once `limit` failures are counted in it, `check` refuses until it ends. Each
 * `recordFailure` is one upsert statement, so no increment is lost. Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const limiter = sqliteAttemptLimiter({ db, limit: 5, windowMs: 15 * 60_000 });
 * await limiter.recordFailure('account:alice@example.org');
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
  function prepare() {
    return {
      get: db.prepare(`SELECT failures, window_ends_at FROM ${q.attempts} WHERE key = ?`) as Statement<
        [string],
        { failures: number; window_ends_at: number }
      >,
      record: db.prepare(
        `INSERT INTO ${q.attempts} (key, failures, window_ends_at) VALUES (@key, 1, @ends)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN ${q.attempts}.window_ends_at <= @now THEN 1 ELSE ${q.attempts}.failures + 1 END,
           window_ends_at = CASE WHEN ${q.attempts}.window_ends_at <= @now THEN @ends ELSE ${q.attempts}.window_ends_at END`,
      ),
      reset: db.prepare(`DELETE FROM ${q.attempts} WHERE key = ?`),
    };
  }
  return {
    async check(key) {
      const now = clock.now().getTime();
      const row = s().get.get(key);
      if (row === undefined || row.window_ends_at <= now || row.failures < limit) return { allowed: true };
      return { allowed: false, retryAfterMs: row.window_ends_at - now };
    },
    async recordFailure(key) {
      const now = clock.now().getTime();
      s().record.run({ key, now, ends: now + windowMs });
    },
    async reset(key) {
      s().reset.run(key);
    },
  };
}
