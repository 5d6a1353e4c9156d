/** @module Password-reset tokens: drawn from the random source, checked by shape before any lookup. */
import { encodeHex } from '../hash/encoding.js';
import type { RandomSource } from '../ports/random-source.js';

/** Random bytes per reset token: 256 bits, so neither guessing nor the stored digest leads back to one. */
export const RESET_TOKEN_BYTES = 32;

/** Default lifetime of a reset token: 30 minutes (see `RotationDeps.resetTokenTtlMs`). */
export const DEFAULT_RESET_TOKEN_TTL_MS: number = 30 * 60_000;

/**
 * A new reset token: {@link RESET_TOKEN_BYTES} random bytes as lower-case hex (64 characters,
 * safe in a URL path or query).
 *
 * @example
 * ```ts
 * const token = newResetToken(cryptoRandomSource); // '9f86d08…' (64 hex characters)
 * ```
 */
export function newResetToken(random: RandomSource): string {
  return encodeHex(random.fill(new Uint8Array(RESET_TOKEN_BYTES)));
}

/**
 * `true` when `token` has the shape {@link newResetToken} gives; anything else is refused before
 * it reaches the store.
 *
 * @example
 * ```ts
 * isResetTokenShaped('not-a-token'); // false
 * ```
 */
export function isResetTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && /^[0-9a-f]{64}$/.test(token);
}
