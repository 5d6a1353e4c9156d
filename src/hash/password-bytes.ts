/** @module Turns the password string into the bytes every scheme hashes (UTF-8, no normalisation). */

import { PassrotateError } from '../errors.js';
import { utf8Bytes } from './encoding.js';
import type { HashLimits } from './limits.js';

/** A lone UTF-16 surrogate: such a string has no UTF-8 spelling (it would become U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * UTF-8 bytes of `password`, exactly as typed: no Unicode normalisation, because Dovecot and the
 * other tools hash the bytes they receive (an NFC and an NFD spelling are different passwords).
 * Returns `undefined` for a password no mail server could receive: longer than
 * `limits.maxPasswordBytes`, containing NUL (C strings end there), or holding a lone UTF-16
 * surrogate (not text: it would collapse into U+FFFD, making different strings equal).
 *
 * @example
 * ```ts
 * passwordBytes('pw', DEFAULT_LIMITS); // Uint8Array [112, 119]
 * ```
 */
export function passwordBytes(password: string, limits: HashLimits): Uint8Array | undefined {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  // Cheap pre-check before encoding: UTF-8 needs at least one byte per UTF-16 unit.
  if (password.length > limits.maxPasswordBytes || LONE_SURROGATE.test(password)) return undefined;
  const bytes = utf8Bytes(password);
  if (bytes.length > limits.maxPasswordBytes || bytes.includes(0)) return undefined;
  return bytes;
}

/**
 * Like {@link passwordBytes} but throws: `password_too_long`, or `invalid_password` (NUL or a
 * lone surrogate).
 *
 * @example
 * ```ts
 * requirePasswordBytes('x'.repeat(5000), DEFAULT_LIMITS); // throws password_too_long
 * ```
 */
export function requirePasswordBytes(password: string, limits: HashLimits): Uint8Array {
  const bytes = passwordBytes(password, limits);
  if (bytes) return bytes;
  if (password.includes('\0') || LONE_SURROGATE.test(password)) {
    throw new PassrotateError('invalid_password', 'Password contains NUL or is not well-formed Unicode');
  }
  throw new PassrotateError('password_too_long', `Password longer than ${limits.maxPasswordBytes} bytes`);
}
