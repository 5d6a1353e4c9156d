/** @module Conformance suite for AttemptLimiter adapters (ours and third parties'). */
import type { AttemptLimiter } from '../ports/attempt-limiter.js';
import type { Clock } from '../ports/clock.js';
import { expect } from './expect.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
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
  /** Attempts allowed per key within a window. */
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
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /**
   * `true` when the adapter reads the given clock, so the suite can move time to close a window.
   * `false` (e.g. Redis keys expiring server-side) skips the window-expiry test. Default `true`.
   */
  readonly usesClock?: boolean;
  /** Runs after each test. */
  readonly teardown?: (limiter: AttemptLimiter) => Promise<void> | void;
}

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks every documented guarantee of an {@link AttemptLimiter}:
 * `consume` counts and allows atomically (a burst of 100 concurrent attempts on one key with a
 * limit of 10 gets exactly 10 allowed), a refused attempt counts nothing, `retryAfterMs` bounds,
 * `refund` gives back exactly one attempt and never goes below zero (also while racing consumes),
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
  const { describe, it } = resolveTestRunner(options.runner);
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
  /** Runs `n` consumes at once and answers how many were allowed. */
  const burst = async (limiter: AttemptLimiter, k: string, n: number): Promise<number> => {
    const decisions = await Promise.all(Array.from({ length: n }, () => limiter.consume(k)));
    return decisions.filter((d) => d.allowed).length;
  };
  const expectRefused = async (limiter: AttemptLimiter, k: string, atMostMs = windowMs) => {
    const decision = await limiter.consume(k);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.retryAfterMs).toBeGreaterThan(0);
      expect(decision.retryAfterMs).toBeLessThanOrEqual(atMostMs);
    }
  };

  describe(`AttemptLimiter conformance: ${name}`, () => {
    it(
      'allows a fresh key',
      withLimiter(async (limiter) => {
        expect(await limiter.consume(key())).toEqual({ allowed: true });
      }),
    );

    it(
      'allows limit attempts one after another and refuses the next',
      withLimiter(async (limiter) => {
        const k = key();
        for (let i = 0; i < limit; i++) expect(await limiter.consume(k)).toEqual({ allowed: true });
        await expectRefused(limiter, k);
      }),
    );

    it(
      'allows exactly limit of 100 concurrent attempts on one key',
      withLimiter(async (limiter) => {
        const k = key();
        expect(await burst(limiter, k, 100)).toBe(limit);
        await expectRefused(limiter, k);
      }),
    );

    it(
      'gives back exactly one attempt per refund, however many were refused',
      withLimiter(async (limiter) => {
        const k = key();
        expect(await burst(limiter, k, limit + 5)).toBe(limit);
        await limiter.refund(k);
        expect(await burst(limiter, k, 20)).toBe(1);
      }),
    );

    it(
      'loses no refund racing other refunds and a burst of attempts',
      withLimiter(async (limiter) => {
        const k = key();
        expect(await burst(limiter, k, limit)).toBe(limit);
        const [allowed] = await Promise.all([
          burst(limiter, k, 50),
          ...Array.from({ length: 4 }, () => limiter.refund(k)),
        ]);
        expect(allowed + (await burst(limiter, k, 50))).toBe(4);
      }),
    );

    it(
      'never refunds below zero',
      withLimiter(async (limiter) => {
        const k = key();
        await Promise.all(Array.from({ length: 5 }, () => limiter.refund(k)));
        expect(await limiter.consume(k)).toEqual({ allowed: true });
        await Promise.all(Array.from({ length: 5 }, () => limiter.refund(k)));
        expect(await burst(limiter, k, 100)).toBe(limit);
      }),
    );

    it(
      'keeps keys independent',
      withLimiter(async (limiter) => {
        const [a, b] = [key(), `client:198.51.100.${uniqueTag()}`];
        expect(await burst(limiter, a, limit)).toBe(limit);
        await expectRefused(limiter, a);
        expect(await limiter.consume(b)).toEqual({ allowed: true });
      }),
    );

    it(
      'clears a key on reset',
      withLimiter(async (limiter) => {
        const k = key();
        expect(await burst(limiter, k, limit)).toBe(limit);
        await limiter.reset(k);
        expect(await burst(limiter, k, 100)).toBe(limit);
      }),
    );

    if (options.usesClock !== false)
      it(
        'allows again once the window has passed',
        withLimiter(async (limiter, clock) => {
          const k = key();
          expect(await burst(limiter, k, limit)).toBe(limit);
          clock.advance(windowMs / 2);
          await expectRefused(limiter, k, windowMs / 2);
          clock.advance(windowMs / 2);
          expect(await burst(limiter, k, 100)).toBe(limit);
        }),
      );
  });
}
