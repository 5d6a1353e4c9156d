/** @module Byte/text encodings used by password-hash formats: hex, base64, crypt's and bcrypt's base64, passlib's ab64. */

import { PassrotateError } from '../errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * UTF-8 bytes of a string (lone surrogates become U+FFFD, as `TextEncoder` does).
 *
 * @example
 * ```ts
 * utf8Bytes('é'); // Uint8Array [0xc3, 0xa9]
 * ```
 */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Decodes UTF-8 bytes to a string (invalid sequences become U+FFFD).
 *
 * @example
 * ```ts
 * utf8Text(new Uint8Array([0x61])); // 'a'
 * ```
 */
export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * Bytes of an ASCII/Latin-1 string, one byte per code unit (used for salts that are stored as text).
 *
 * @example
 * ```ts
 * latin1Bytes('ab'); // Uint8Array [97, 98]
 * ```
 */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** The error every decoder here throws: a stored hash whose encoded part is not valid. */
function malformed(what: string): PassrotateError {
  return new PassrotateError('malformed_hash', `Stored hash is malformed: ${what}`);
}

const HEX = '0123456789abcdef';

/**
 * Lower-case hex.
 *
 * @example
 * ```ts
 * encodeHex(new Uint8Array([255, 1])); // 'ff01'
 * ```
 */
export function encodeHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4] + (HEX[b & 15] as string);
  return out;
}

/**
 * Decodes hex (either case); throws `malformed_hash` for odd length or a non-hex digit.
 *
 * @example
 * ```ts
 * decodeHex('FF01'); // Uint8Array [255, 1]
 * ```
 */
export function decodeHex(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw malformed('invalid hex');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const STD64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * crypt(3)'s alphabet ("hash64"), also Dovecot's salt alphabet.
 *
 * @example
 * ```ts
 * CRYPT64_ALPHABET[0]; // '.'
 * ```
 */
export const CRYPT64_ALPHABET: string = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function reverse(alphabet: string): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const STD64_REV = reverse(STD64);
const BCRYPT64_REV = reverse(BCRYPT64);
const CRYPT64_REV = reverse(CRYPT64_ALPHABET);

/** Big-endian 6-bit packing (RFC 4648 order) with any 64-character alphabet. */
function encodeWith(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += `${alphabet[(n >> 18) & 63]}${alphabet[(n >> 12) & 63]}${alphabet[(n >> 6) & 63]}${alphabet[n & 63]}`;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += (alphabet[(n >> 18) & 63] as string) + alphabet[(n >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += (alphabet[(n >> 18) & 63] as string) + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63];
    if (pad) out += '=';
  }
  return out;
}

/**
 * Big-endian 6-bit unpacking. `strict` refuses leftover bits that are not zero (RFC 4648 §3.5), so
 * each byte string has exactly one accepted spelling and a changed character never decodes to the
 * same bytes.
 */
function decodeWith(text: string, table: Int16Array, what: string, strict: boolean): Uint8Array {
  if (text.length % 4 === 1) throw malformed(`invalid ${what}`);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (table[code] as number) : -1;
    if (v < 0) throw malformed(`invalid ${what}`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  if (strict && value !== 0) throw malformed(`non-canonical ${what}`);
  return out;
}

/**
 * Standard base64 (RFC 4648 §4), padded unless `pad` is false.
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([1, 2])); // 'AQI='
 * ```
 */
export function encodeBase64(bytes: Uint8Array, pad = true): string {
  return encodeWith(bytes, STD64, pad);
}

/**
 * Decodes standard base64, padded or not; throws `malformed_hash` for any other character, a
 * misplaced `=`, or non-zero padding bits.
 *
 * @example
 * ```ts
 * decodeBase64('AQI'); // Uint8Array [1, 2]
 * ```
 */
export function decodeBase64(text: string): Uint8Array {
  const stripped = text.replace(/={1,2}$/, '');
  if (stripped.length !== text.length && text.length % 4 !== 0) throw malformed('invalid base64 padding');
  return decodeWith(stripped, STD64_REV, 'base64', true);
}

/**
 * Decodes standard base64 as Dovecot's `base64_decode` reads a stored value: the `=` padding is
 * required (the length is a multiple of 4), so `doveadm pw -t` and every Dovecot login refuse
 * unpadded base64 in digest bodies, `.B64` bodies, CRAM-MD5/DIGEST-MD5 and SCRAM keys (checked
 * with Dovecot 2.3.19; test/vectors/dovecot-encodings.json). Throws `malformed_hash`.
 *
 * @example
 * ```ts
 * decodeBase64Padded('AQI='); // Uint8Array [1, 2]
 * decodeBase64Padded('AQI'); // throws malformed_hash
 * ```
 */
export function decodeBase64Padded(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw malformed('base64 without its = padding');
  return decodeBase64(text);
}

/**
 * passlib's "adapted base64" (ab64): standard base64 with `.` for `+` and no padding.
 *
 * @example
 * ```ts
 * encodeAb64(new Uint8Array([251])); // '.w'
 * ```
 */
export function encodeAb64(bytes: Uint8Array): string {
  return encodeBase64(bytes, false).replaceAll('+', '.');
}

/**
 * Decodes ab64 (also accepts `+`, so plain unpadded base64 decodes too).
 *
 * @example
 * ```ts
 * decodeAb64('.w'); // Uint8Array [251]
 * ```
 */
export function decodeAb64(text: string): Uint8Array {
  return decodeBase64(text.replaceAll('.', '+'));
}

/**
 * bcrypt's base64 (alphabet `./A-Za-z0-9`, big-endian packing, no padding).
 *
 * @example
 * ```ts
 * encodeBcrypt64(new Uint8Array(16)).length; // 22
 * ```
 */
export function encodeBcrypt64(bytes: Uint8Array): string {
  return encodeWith(bytes, BCRYPT64, false);
}

/**
 * Decodes bcrypt's base64 (leniently: a 22-character salt carries 4 spare bits, which bcrypt
 * implementations drop).
 *
 * @example
 * ```ts
 * decodeBcrypt64('......................').length; // 16
 * ```
 */
export function decodeBcrypt64(text: string): Uint8Array {
  return decodeWith(text, BCRYPT64_REV, 'bcrypt base64', false);
}

/**
 * crypt(3)'s little-endian 6-bit groups: three bytes `b2 b1 b0` become `n` characters, least
 * significant six bits first (Drepper's `b64_from_24bit`).
 *
 * @example
 * ```ts
 * crypt64Group(0, 0, 0x3f, 1); // 'z'
 * ```
 */
function crypt64Group(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < n; i++) {
    out += CRYPT64_ALPHABET[w & 63];
    w >>= 6;
  }
  return out;
}

/**
 * Encodes a digest in crypt(3)'s transposed order: each triple of byte indices becomes four
 * characters, the last (shorter) triple `tailLength` characters.
 *
 * @example
 * ```ts
 * encodeCrypt64Order(digest, [[0, 6, 12]], [0, 0, 11], 2);
 * ```
 */
export function encodeCrypt64Order(
  digest: Uint8Array,
  groups: readonly (readonly [number, number, number])[],
  tail: readonly [number | null, number | null, number],
  tailLength: number,
): string {
  const at = (i: number | null): number => (i === null ? 0 : (digest[i] as number));
  let out = '';
  for (const [a, b, c] of groups) out += crypt64Group(at(a), at(b), at(c), 4);
  return out + crypt64Group(at(tail[0]), at(tail[1]), at(tail[2]), tailLength);
}

/**
 * `true` when every character of `text` is in crypt(3)'s alphabet.
 *
 * @example
 * ```ts
 * isCrypt64('ab./Z9'); // true
 * ```
 */
export function isCrypt64(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (CRYPT64_REV[code] as number) < 0) return false;
  }
  return true;
}
