/** @module Session ids are stored only as digests, so a leaked table holds no usable cookie. */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of a session id, hex.
 *
 * @example
 * ```ts
 * digestSessionId('s3cr3t-cookie'); // 64 hex characters
 * ```
 */
export function digestSessionId(id: string): string {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('session id must be a non-empty string');
  return createHash('sha256').update(id, 'utf8').digest('hex');
}
