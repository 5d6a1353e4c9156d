/** @module In-memory AttemptLimiter with a fixed window per key. */
import type { AttemptLimiter, LimitDecision } from '../../ports/attempt-limiter.js';
import { type Clock, systemClock } from '../../ports/clock.js';

/**
 * Options of {@link memoryAttemptLimiter}.
 *
 * @example
 * ```ts
 * const options: MemoryAttemptLimiterOptions = { limit: 5, windowMs: 15 * 60_000, clock: manualClock(new Date()) };
 * const limiter = memoryAttemptLimiter(options);
 * ```
 */
export interface MemoryAttemptLimiterOptions {
  /** Failures allowed per key within one window; the next check is refused. Default 5. */
  readonly limit?: number;
  /** Window length in milliseconds, counted from the key's first failure. Default 15 minutes. */
  readonly windowMs?: number;
  /** Time source; defaults to the wall clock. */
  readonly clock?: Clock;
}

/**
 * Creates an in-memory {@link AttemptLimiter}: a fixed window opens at a key's first failure and
 * lasts `windowMs`; after `limit` failures in it, `check` refuses until it closes.
 *
 * @example
 * ```ts
 * const limiter = memoryAttemptLimiter({ limit: 5, windowMs: 15 * 60_000 });
 * await limiter.recordFailure('account:alice@example.org');
 * ```
 */
export function memoryAttemptLimiter(options: MemoryAttemptLimiterOptions = {}): AttemptLimiter {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const clock = options.clock ?? systemClock;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('memoryAttemptLimiter: limit must be an integer ≥ 1');
  if (!(windowMs > 0)) throw new RangeError('memoryAttemptLimiter: windowMs must be > 0');
  const windows = new Map<string, { start: number; count: number }>();

  const live = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && now >= w.start + windowMs) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };

  return {
    async check(key): Promise<LimitDecision> {
      const now = clock.now().getTime();
      const w = live(key, now);
      if (!w || w.count < limit) return { allowed: true };
      return { allowed: false, retryAfterMs: w.start + windowMs - now };
    },
    async recordFailure(key) {
      const now = clock.now().getTime();
      const w = live(key, now);
      if (w) w.count++;
      else windows.set(key, { start: now, count: 1 });
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
