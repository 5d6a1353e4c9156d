/** @module Port: throttles wrong-password attempts per account and per client. */

/**
 * The limiter's answer before an attempt.
 *
 * @example
 * ```ts
 * const decision: LimitDecision = await limiter.check('client:203.0.113.5');
 * if (!decision.allowed) console.log(`retry in ${decision.retryAfterMs} ms`);
 * ```
 */
export type LimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts failures per key (e.g. `account:alice@example.org`, `client:203.0.113.5`) in a window.
 * Adapters: memory, SQLite, Redis (shared by many instances).
 *
 * Guarantees (checked by `testAttemptLimiter`): the limit and window are the adapter's options;
 * once `limit` failures are recorded for a key within the window, `check` answers
 * `allowed: false` with `0 < retryAfterMs <= windowMs` until the window has passed; fewer failures
 * leave it allowed; `reset` clears the key; keys are independent. Counting is atomic under
 * concurrency (no lost increments). The rotation flows use the keys `account:<address>` and
 * `client:<clientKey>`.
 *
 * @example
 * ```ts
 * const d = await limiter.check('account:alice@example.org');
 * if (!d.allowed) return { ok: false, code: 'rate_limited', retryAfterMs: d.retryAfterMs };
 * ```
 */
export interface AttemptLimiter {
  check(key: string): Promise<LimitDecision>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}
