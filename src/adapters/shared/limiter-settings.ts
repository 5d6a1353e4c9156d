/** @module The two numbers every attempt limiter adapter takes. */

/**
 * How many failures a window allows.
 *
 * @example
 * ```ts
 * const settings: LimiterSettings = { limit: 5, windowMs: 15 * 60_000 };
 * const limiter = sqliteAttemptLimiter({ db, ...settings });
 * ```
 */
export interface LimiterSettings {
  /** Failures allowed in a window; the `limit`-th failure closes the door until the window ends. */
  readonly limit: number;
  /** Window length in milliseconds, counted from the first failure. */
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
