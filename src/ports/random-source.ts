/** @module Port: where generators and token makers draw random bytes from. */

/**
 * A source of cryptographically secure random bytes. Synchronous, like `crypto.getRandomValues`,
 * so pure code can use it in a browser too. Tests inject a seeded source to make output repeatable.
 *
 * @example
 * ```ts
 * // A repeatable source for tests (never for real passwords).
 * let next = 0;
 * const counting: RandomSource = {
 *   fill(bytes) {
 *     for (let i = 0; i < bytes.length; i++) bytes[i] = next++ & 0xff;
 *     return bytes;
 *   },
 * };
 * generatePassword(presets.mailbox, { random: counting }); // the same password on every run
 * ```
 */
export interface RandomSource {
  /** Fills `bytes` entirely with random bytes and returns it. */
  fill(bytes: Uint8Array): Uint8Array;
}

/**
 * The default source: the platform's Web Crypto `getRandomValues` (Node ≥ 20 and every browser).
 *
 * @example
 * ```ts
 * cryptoRandomSource.fill(new Uint8Array(16));
 * ```
 */
export const cryptoRandomSource: RandomSource = {
  fill(bytes: Uint8Array): Uint8Array {
    // getRandomValues refuses more than 65,536 bytes per call.
    for (let offset = 0; offset < bytes.length; offset += 65_536) {
      globalThis.crypto.getRandomValues(bytes.subarray(offset, offset + 65_536) as Uint8Array<ArrayBuffer>);
    }
    return bytes;
  },
};
