/** @module How Dovecot encodes a raw digest after `{SCHEME}`: hex or base64, by suffix, default or length. */

import { malformedHash } from '../codec.js';
import { decodeBase64Padded, decodeHex, encodeBase64, encodeHex } from '../encoding.js';

/**
 * Decodes a Dovecot digest body. With a `.HEX`/`.B64` suffix (`encoding`) that encoding is used.
 * Without one, a fixed-length scheme (`rawLength` > 0) is hex when the text is exactly twice the
 * raw length and base64 otherwise (Dovecot's `password_decode`); a variable-length one uses its
 * default. The decoded length must equal `rawLength` when that is non-zero. Base64 must carry its
 * `=` padding, as Dovecot's decoder requires.
 *
 * @example
 * ```ts
 * decodeDigestBody('5e884898…', undefined, 32, 'base64'); // 32 bytes, read as hex by length
 * ```
 */
export function decodeDigestBody(
  body: string,
  encoding: 'hex' | 'base64' | undefined,
  rawLength: number,
  defaultEncoding: 'hex' | 'base64',
): { raw: Uint8Array; encoding: 'hex' | 'base64' } {
  let chosen = encoding ?? defaultEncoding;
  if (encoding === undefined && rawLength > 0) chosen = body.length === rawLength * 2 ? 'hex' : 'base64';
  if (chosen === 'hex' && encoding === undefined && rawLength > 0 && !/^[0-9a-fA-F]*$/.test(body)) {
    // Dovecot falls back to base64 when a guessed-hex body is not hex.
    chosen = 'base64';
  }
  const raw = chosen === 'hex' ? decodeHex(body) : decodeBase64Padded(body);
  if (rawLength > 0 && raw.length !== rawLength)
    throw malformedHash(`digest is ${raw.length} bytes, expected ${rawLength}`);
  return { raw, encoding: chosen };
}

/**
 * Encodes a raw digest for a Dovecot body.
 *
 * @example
 * ```ts
 * encodeDigestBody(new Uint8Array([1]), 'hex'); // '01'
 * ```
 */
export function encodeDigestBody(raw: Uint8Array, encoding: 'hex' | 'base64'): string {
  return encoding === 'hex' ? encodeHex(raw) : encodeBase64(raw);
}
