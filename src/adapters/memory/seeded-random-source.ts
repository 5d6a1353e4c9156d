/** @module A repeatable RandomSource (SHA-256 in counter mode) for tests and demos. */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { RandomSource } from '../../ports/random-source.js';

/**
 * Creates a {@link RandomSource} whose bytes depend only on `seed`: block *i* is
 * SHA-256(seed ‖ i as 8 bytes big-endian). Repeatable output for tests, demos and replays of
 * property-test failures. Never use it for real passwords or tokens: anyone with the seed can
 * predict every byte.
 *
 * @param seed - Any string or bytes.
 *
 * @example
 * ```ts
 * const random = seededRandomSource('test-1');
 * generatePassword(policy, { random }); // the same password on every run
 * ```
 */
export function seededRandomSource(seed: string | Uint8Array): RandomSource {
  const key = typeof seed === 'string' ? utf8ToBytes(seed) : Uint8Array.from(seed);
  const input = new Uint8Array(key.length + 8);
  input.set(key);
  const view = new DataView(input.buffer);
  let counter = 0n;
  let block = new Uint8Array(0);
  let used = 0;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        if (used === block.length) {
          view.setBigUint64(key.length, counter++);
          block = sha256(input);
          used = 0;
        }
        bytes[i] = block[used++] as number;
      }
      return bytes;
    },
  };
}
