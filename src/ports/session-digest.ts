/** @module The digest by which a session id is named at rest (session tables, the revocation outbox). */

/**
 * SHA-256 of a session id (its UTF-8 bytes), as 64 lower-case hex characters. Session stores and
 * the revocation outbox keep only this digest, so neither holds a usable cookie; it is what
 * `SessionStore.revokeAll`'s `exceptDigest` and `RevocationRequest.keepSessionDigest` carry. Uses
 * Web Crypto, so it runs in Node and in the browser.
 *
 * @throws TypeError when `id` is not a non-empty string.
 *
 * @example
 * ```ts
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(currentSessionId) });
 * ```
 */
export async function sessionIdDigest(id: string): Promise<string> {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('session id must be a non-empty string');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
