/** @module Random opaque tokens (session ids, CSRF tokens) and a timing-safe comparison. */
import { timingSafeEqual } from 'node:crypto';
import { cryptoRandomSource, type RandomSource } from '../../src/index.js';

/**
 * A 256-bit random token, base64url-encoded (43 characters).
 *
 * @example
 * ```ts
 * const sessionId = randomToken();
 * ```
 */
export function randomToken(random: RandomSource = cryptoRandomSource): string {
  return Buffer.from(random.fill(new Uint8Array(32))).toString('base64url');
}

/**
 * Compares two secrets in time independent of where they differ.
 *
 * @example
 * ```ts
 * tokensEqual(formToken, sessionToken);
 * ```
 */
export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
