/** @module Runs each conformance test on a fresh fixture and always tears it down. */

/**
 * Wraps test bodies so each gets a fresh fixture from `make` and `teardown` runs after it, pass or
 * fail.
 *
 * @example
 * ```ts
 * const withStore = fixtureScope(() => memoryResetTokenStore(), undefined);
 * it('saves', withStore(async (store) => { await store.purgeExpired(new Date()); }));
 * ```
 */
export function fixtureScope<T>(
  make: () => T | Promise<T>,
  teardown: ((fixture: T) => void | Promise<void>) | undefined,
): (fn: (fixture: T) => Promise<void>) => () => Promise<void> {
  return (fn) => async () => {
    const fixture = await make();
    try {
      await fn(fixture);
    } finally {
      await teardown?.(fixture);
    }
  };
}
