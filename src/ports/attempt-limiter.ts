/** @module Port: throttles wrong-password attempts per account and per client. */

/** The limiter's answer before an attempt. */
export type LimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts failures per key (e.g. `account:alice@example.org`, `client:203.0.113.5`) in a window.
 * Adapters: memory, SQLite, Redis (shared by many instances).
 *
 * Guarantees: once `limit` failures are recorded for a key within the window, `check` answers
 * `allowed: false` until the window (or lockout) has passed; `reset` clears the key. Counting is
 * atomic under concurrency (no lost increments).
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
