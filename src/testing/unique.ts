/** @module Unique names so the suites can share one database between tests and runs. */

/**
 * A short random lower-case hex tag.
 *
 * @example
 * ```ts
 * `dom-${uniqueTag()}.test`; // 'dom-3f9a1c0b7e.test'
 * ```
 */
export function uniqueTag(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(5));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
