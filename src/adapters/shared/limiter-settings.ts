/** @module The two numbers every attempt limiter adapter takes, and how a stored count becomes a decision. */
import type { LimitDecision } from '../../ports/attempt-limiter.js';

/**
 * How many attempts a window allows.
 *
 * @example
 * ```ts
 * const settings: LimiterSettings = { limit: 5, windowMs: 15 * 60_000 };
 * const limiter = sqliteAttemptLimiter({ db, ...settings });
 * ```
 */
export interface LimiterSettings {
  /** Attempts allowed in a window; once `limit` are counted, `consume` refuses until the window ends. */
  readonly limit: number;
  /** Window length in milliseconds, counted from the first attempt. */
  readonly windowMs: number;
}

/**
 * Checks `limit` and `windowMs` are positive integers.
 *
 * @throws RangeError otherwise.
 * @example
 * ```ts
 * checkLimiterOptions({ limit: 5, windowMs: 60_000 });
 * ```
 */
export function checkLimiterOptions(settings: LimiterSettings): void {
  if (!Number.isInteger(settings.limit) || settings.limit < 1)
    throw new RangeError('limit must be a positive integer');
  if (!Number.isInteger(settings.windowMs) || settings.windowMs < 1) {
    throw new RangeError('windowMs must be a positive integer (milliseconds)');
  }
}

/**
 * The decision of a `consume` whose atomic upsert left `count` in the key's window (counting only
 * below the limit, so `count > limit` means this attempt was refused) with `remainingMs` of the
 * window left; the wait is kept within `1..windowMs`.
 */
export function decideFromCount(
  settings: LimiterSettings,
  count: number,
  remainingMs: number,
): LimitDecision {
  if (count <= settings.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.min(settings.windowMs, Math.max(1, remainingMs)) };
}
