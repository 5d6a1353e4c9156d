/** @module Unique names so the suites can share one database between tests and runs. */
import { encodeHex } from '../hash/encoding.js';

/**
 * A short random lower-case hex tag.
 *
 * @example
 * ```ts
 * `dom-${uniqueTag()}.test`; // 'dom-3f9a1c0b7e.test'
 * ```
 */
export function uniqueTag(): string {
  return encodeHex(globalThis.crypto.getRandomValues(new Uint8Array(5)));
}
