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
  /** Attempts allowed per key within one window; the next `consume` is refused. Default 5. */
  readonly limit?: number;
  /** Window length in milliseconds, counted from the key's first attempt. Default 15 minutes. */
  readonly windowMs?: number;
  /** Time source; defaults to the wall clock. */
  readonly clock?: Clock;
}

/**
 * Creates an in-memory {@link AttemptLimiter} for one process: a fixed window opens at a key's
 * first attempt and lasts `windowMs`; `consume` counts up to `limit` attempts in it and refuses
 * the rest until it closes. Each call checks and counts without yielding, so it is atomic.
 *
 * @example
 * ```ts
 * const limiter = memoryAttemptLimiter({ limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('account:alice@example.org');
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
    async consume(key): Promise<LimitDecision> {
      const now = clock.now().getTime();
      const w = live(key, now);
      if (!w) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true };
      }
      if (w.count >= limit) return { allowed: false, retryAfterMs: w.start + windowMs - now };
      w.count++;
      return { allowed: true };
    },
    async refund(key) {
      const w = live(key, clock.now().getTime());
      if (w && w.count > 0) w.count--;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
