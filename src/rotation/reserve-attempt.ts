/** @module Reserves one password attempt on an account key and a client key before it is verified. */
import type { AttemptLimiter } from '../ports/attempt-limiter.js';
import type { RateLimited } from './types.js';

/**
 * The limiter keys of one attempt.
 *
 * @example
 * ```ts
 * const keys: AttemptKeys = { account: 'account:alice@example.org', client: 'client:203.0.113.5' };
 * ```
 */
export interface AttemptKeys {
  /** The key of whom the password belongs to (e.g. `account:alice@example.org`); reset on success. */
  readonly account: string;
  /** The key of who is trying (e.g. `client:203.0.113.5`); refunded on success. */
  readonly client?: string;
}

/**
 * An attempt counted on every key, allowed to verify a password. A wrong password needs nothing
 * more: the attempt stays counted. Neither method throws: a limiter failing there leaves the
 * attempt counted, which errs on the safe side.
 *
 * @example
 * ```ts
 * if (await hasher.verify(password, stored)) await reservation.succeeded();
 * ```
 */
export interface AttemptReservation {
  readonly ok: true;
  /** The password was right: resets the account key and gives the client key its attempt back. */
  succeeded(): Promise<void>;
  /** No password was verified (e.g. the store failed): gives every key its attempt back. */
  release(): Promise<void>;
}

async function quietly(calls: readonly (() => Promise<void>)[]): Promise<void> {
  await Promise.allSettled(calls.map(async (call) => call()));
}

/**
 * Consumes one attempt on the account key and (when given) the client key at once, before the
 * password is verified, so that with a limit `L` at most `L` verifications run per key and window
 * however many requests arrive together. When either key refuses, the attempt taken on the other
 * is given back and the longest wait is returned as `rate_limited`.
 *
 * @throws The limiter's error when a `consume` throws (after giving back what the other key took).
 *
 * @example
 * ```ts
 * const attempt = await reserveAttempt(limiter, { account: `admin:${username}`, client: `client:${ip}` });
 * if (!attempt.ok) return tooManyAttempts(attempt.retryAfterMs);
 * if (await hasher.verify(password, admin.passwordHash)) await attempt.succeeded();
 * ```
 */
export async function reserveAttempt(
  limiter: AttemptLimiter,
  keys: AttemptKeys,
): Promise<AttemptReservation | RateLimited> {
  const { account, client } = keys;
  const all = client === undefined ? [account] : [account, client];
  const decisions = await Promise.allSettled(all.map((key) => limiter.consume(key)));
  const taken = all.filter((_, i) => {
    const d = decisions[i];
    return d?.status === 'fulfilled' && d.value.allowed;
  });
  const giveBack = () => quietly(taken.map((key) => () => limiter.refund(key)));
  let wait = -1;
  for (const d of decisions) {
    if (d.status === 'rejected') {
      await giveBack();
      throw d.reason;
    }
    if (!d.value.allowed) wait = Math.max(wait, d.value.retryAfterMs);
  }
  if (wait >= 0) {
    await giveBack();
    return { ok: false, code: 'rate_limited', retryAfterMs: wait };
  }
  return {
    ok: true,
    succeeded: () =>
      quietly([
        () => limiter.reset(account),
        ...(client === undefined ? [] : [() => limiter.refund(client)]),
      ]),
    release: giveBack,
  };
}
