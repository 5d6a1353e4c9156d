/** @module Port: limits password attempts per account and per client, counting each before it runs. */

/**
 * The limiter's answer to {@link AttemptLimiter.consume}: the attempt was counted and may run, or
 * the key is at its limit and nothing was counted.
 *
 * @example
 * ```ts
 * const decision: LimitDecision = await limiter.consume('client:203.0.113.5');
 * if (!decision.allowed) console.log(`retry in ${decision.retryAfterMs} ms`);
 * ```
 */
export type LimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts password attempts per key (e.g. `account:alice@example.org`, `client:203.0.113.5`) in a
 * fixed window that opens at the key's first counted attempt and lasts the adapter's `windowMs`.
 * An attempt is counted *before* its password is verified, so the limit bounds the verifications
 * themselves, not only the failures recorded after them. Adapters: memory, SQLite, PostgreSQL,
 * MySQL/MariaDB, Redis (shared by many instances).
 *
 * Guarantees (checked by `testAttemptLimiter`, with racing callers):
 * - `consume` counts and allows in one atomic step: within one window at most `limit` calls
 *   (plus one per `refund`) answer `allowed: true`, however many run at once; the others answer
 *   `allowed: false` with `0 < retryAfterMs <= windowMs` and count nothing.
 * - `refund` gives back one counted attempt of the key's live window (never below zero; a key
 *   with no live window is left alone), atomically, so racing refunds and consumes lose nothing.
 * - `reset` clears the key; the next `consume` opens a new window. Keys are independent.
 *
 * The rotation flows consume `account:<address>` and `client:<clientKey>` before verifying a
 * password (see `reserveAttempt`): a wrong password keeps both counted, a right one resets the
 * account key and refunds the client key, and a refusal by one key refunds the other.
 *
 * @example
 * ```ts
 * const d = await limiter.consume('account:alice@example.org');
 * if (!d.allowed) return { ok: false, code: 'rate_limited', retryAfterMs: d.retryAfterMs };
 * const right = await hasher.verify(password, stored);
 * if (right) await limiter.reset('account:alice@example.org');
 * ```
 */
export interface AttemptLimiter {
  /** Counts one attempt on `key` if it is under its limit; refuses (counting nothing) otherwise. */
  consume(key: string): Promise<LimitDecision>;
  /** Gives back one attempt counted on `key` in its live window (never below zero). */
  refund(key: string): Promise<void>;
  /** Forgets every attempt counted on `key`. */
  reset(key: string): Promise<void>;
}
