/** @module A Clock that moves only when told to, for tests and demos. */
import type { Clock } from '../../ports/clock.js';

/**
 * A clock you set and advance by hand.
 *
 * @example
 * ```ts
 * const clock: ManualClock = manualClock(new Date('2026-01-01T00:00:00Z'));
 * clock.advance(60_000);
 * clock.set(new Date('2026-02-01T00:00:00Z'));
 * ```
 */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to `instant`. */
  set(instant: Date): void;
}

/**
 * Creates a {@link Clock} that stands still until advanced.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
 * clock.advance(60_000);
 * clock.now().toISOString(); // '2026-01-01T00:01:00.000Z'
 * ```
 */
export function manualClock(start: Date = new Date(0)): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    set(instant) {
      now = instant.getTime();
    },
  };
}
