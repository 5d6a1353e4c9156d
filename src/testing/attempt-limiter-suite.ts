/** @module Conformance suite for AttemptLimiter adapters (ours and third parties'). */
import { describe, expect, it } from 'vitest';
import type { AttemptLimiter } from '../ports/attempt-limiter.js';
import type { Clock } from '../ports/clock.js';
import { uniqueTag } from './unique.js';

/**
 * What the suite asks the factory to build.
 *
 * @example
 * ```ts
 * testAttemptLimiter('memory', (config: AttemptLimiterSuiteConfig) => memoryAttemptLimiter(config));
 * ```
 */
export interface AttemptLimiterSuiteConfig {
  /** Failures allowed per key within a window. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** A clock the suite advances; adapters that keep time elsewhere (Redis) may ignore it. */
  readonly clock: Clock;
}

/**
 * Options of {@link testAttemptLimiter}.
 *
 * @example
 * ```ts
 * const options: AttemptLimiterSuiteOptions = { usesClock: false, teardown: () => redis.flushdb() };
 * testAttemptLimiter('redis', ({ limit, windowMs }) => redisAttemptLimiter({ client: redis, limit, windowMs }), options);
 * ```
 */
export interface AttemptLimiterSuiteOptions {
  /**
   * `true` when the adapter reads the given clock, so the suite can move time to close a window.
   * `false` (e.g. Redis keys expiring server-side) skips the window-expiry test. Default `true`.
   */
  readonly usesClock?: boolean;
  /** Runs after each test. */
  readonly teardown?: (limiter: AttemptLimiter) => Promise<void> | void;
}

/**
 * Registers a vitest suite that checks every documented guarantee of an {@link AttemptLimiter}:
 * counting to the limit with no lost increments under concurrency, `retryAfterMs` bounds,
 * independent keys, `reset`, and (with `usesClock`) that a window closes. Keys are random per test.
 *
 * @param name - Shown in the suite title.
 * @param makeLimiter - Builds a limiter with the given limit, window and clock.
 * @param options - Clock capability and teardown.
 *
 * @example
 * ```ts
 * import { testAttemptLimiter } from 'passrotate/testing';
 * import { memoryAttemptLimiter } from 'passrotate/adapters/memory';
 * testAttemptLimiter('memory', (config) => memoryAttemptLimiter(config));
 * ```
 */
export function testAttemptLimiter(
  name: string,
  makeLimiter: (config: AttemptLimiterSuiteConfig) => AttemptLimiter | Promise<AttemptLimiter>,
  options: AttemptLimiterSuiteOptions = {},
): void {
  const limit = 10;
  const windowMs = 60_000;
  const withLimiter =
    (fn: (limiter: AttemptLimiter, clock: { now(): Date; advance(ms: number): void }) => Promise<void>) =>
    async () => {
      let now = Date.now();
      const clock = {
        now: () => new Date(now),
        advance: (ms: number) => {
          now += ms;
        },
      };
      const limiter = await makeLimiter({ limit, windowMs, clock });
      try {
        await fn(limiter, clock);
      } finally {
        await options.teardown?.(limiter);
      }
    };
  const key = () => `account:u${uniqueTag()}@d${uniqueTag()}.test`;
  const failTimes = (limiter: AttemptLimiter, k: string, n: number) =>
    Promise.all(Array.from({ length: n }, () => limiter.recordFailure(k)));

  describe(`AttemptLimiter conformance: ${name}`, () => {
    it(
      'allows a fresh key',
      withLimiter(async (limiter) => {
        expect(await limiter.check(key())).toEqual({ allowed: true });
      }),
    );

    it(
      `still allows after limit - 1 concurrent failures and refuses after the limit`,
      withLimiter(async (limiter) => {
        const k = key();
        await failTimes(limiter, k, limit - 1);
        expect(await limiter.check(k)).toEqual({ allowed: true });
        await limiter.recordFailure(k);
        const decision = await limiter.check(k);
        expect(decision.allowed).toBe(false);
        if (!decision.allowed) {
          expect(decision.retryAfterMs).toBeGreaterThan(0);
          expect(decision.retryAfterMs).toBeLessThanOrEqual(windowMs);
        }
      }),
    );

    it(
      'loses no increment when many failures land at once',
      withLimiter(async (limiter) => {
        const k = key();
        await failTimes(limiter, k, limit);
        expect((await limiter.check(k)).allowed).toBe(false);
      }),
    );

    it(
      'keeps keys independent',
      withLimiter(async (limiter) => {
        const [a, b] = [key(), `client:198.51.100.${uniqueTag()}`];
        await failTimes(limiter, a, limit);
        expect((await limiter.check(a)).allowed).toBe(false);
        expect(await limiter.check(b)).toEqual({ allowed: true });
      }),
    );

    it(
      'clears a key on reset',
      withLimiter(async (limiter) => {
        const k = key();
        await failTimes(limiter, k, limit);
        await limiter.reset(k);
        expect(await limiter.check(k)).toEqual({ allowed: true });
        await failTimes(limiter, k, limit - 1);
        expect(await limiter.check(k)).toEqual({ allowed: true });
      }),
    );

    it.skipIf(options.usesClock === false)(
      'allows again once the window has passed',
      withLimiter(async (limiter, clock) => {
        const k = key();
        await failTimes(limiter, k, limit);
        clock.advance(windowMs / 2);
        const decision = await limiter.check(k);
        expect(decision.allowed).toBe(false);
        if (!decision.allowed) expect(decision.retryAfterMs).toBeLessThanOrEqual(windowMs / 2);
        clock.advance(windowMs / 2);
        expect(await limiter.check(k)).toEqual({ allowed: true });
      }),
    );
  });
}
