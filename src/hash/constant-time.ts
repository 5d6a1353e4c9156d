/** @module The one constant-time comparison every codec uses. */

/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they differ.
 * Different lengths compare unequal (lengths are public: they follow from the scheme).
 *
 * @example
 * ```ts
 * timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])); // true
 * ```
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
