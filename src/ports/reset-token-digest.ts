/** @module The digest by which a password-reset token is named at rest. */

/**
 * SHA-256 of a reset token (its UTF-8 bytes), as 64 lower-case hex characters: what a
 * `ResetTokenStore` keeps instead of the token, so a leaked table opens no reset form. A token
 * carries at least 256 random bits, so a plain (unsalted, fast) hash is enough: nothing can be
 * guessed back. Uses Web Crypto, so it runs in Node and in the browser.
 *
 * @throws TypeError when `token` is not a non-empty string.
 *
 * @example
 * ```ts
 * const record = await resetTokens.find(await resetTokenDigest(tokenFromTheLink), new Date());
 * ```
 */
export async function resetTokenDigest(token: string): Promise<string> {
  if (typeof token !== 'string' || token.length === 0)
    throw new TypeError('reset token must be a non-empty string');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
