/** @module The instants and opaque hash values the conformance suites write and read back. */
import { uniqueTag } from './unique.js';

/**
 * The suites' reference instant, with milliseconds so a store that drops them fails.
 *
 * @example
 * ```ts
 * const changedAt = T0;
 * ```
 */
export const T0: Date = new Date('2031-02-03T04:05:06.789Z');

/**
 * `minutes` after {@link T0} (negative for before).
 *
 * @example
 * ```ts
 * at(30); // 2031-02-03T04:35:06.789Z
 * ```
 */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/**
 * A hash-shaped opaque value: stores must keep it byte for byte.
 *
 * @example
 * ```ts
 * fakeHash('old'); // '{SSHA512}old-3f9a1c0b7e+/='
 * ```
 */
export function fakeHash(label: string): string {
  return `{SSHA512}${label}-${uniqueTag()}+/=`;
}
