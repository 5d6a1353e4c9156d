/** @module Port: the current time, injected so expiry and rate limits are testable. */

/**
 * Tells the time. Inject a fake in tests.
 *
 * @example
 * ```ts
 * const fixed: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };
 * ```
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The wall clock.
 *
 * @example
 * ```ts
 * systemClock.now();
 * ```
 */
export const systemClock: Clock = { now: () => new Date() };
