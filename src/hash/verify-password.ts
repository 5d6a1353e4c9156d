/** @module verifyPassword: does a password match a stored hash of any supported format? */

import type { CodecContext } from './codec.js';
import { getDefaultEngine } from './default-engine.js';
import { resolveLimits } from './limits.js';
import { passwordBytes } from './password-bytes.js';
import { parseStored } from './registry.js';
import type { VerifyOptions } from './types.js';

/**
 * `true` when `password` matches `stored`, compared in constant time. The stored hash is parsed and
 * its cost checked against the caps before any work, so a malformed, unknown or absurdly costly
 * hash throws a coded error and never verifies.
 *
 * A password over `limits.maxPasswordBytes` or containing NUL returns `false` without work (no
 * such password can have been hashed here, nor typed at a mail login). For BLF-CRYPT only the
 * first 72 bytes count, as in Dovecot and every bcrypt.
 *
 * @param password - the candidate, compared as UTF-8 bytes without normalisation.
 * @param stored - a Dovecot `{SCHEME}` string, crypt/MCF, PHC, passlib or Django hash.
 * @param options - engine, limits, and `user` for user-salted schemes (DIGEST-MD5).
 * @throws PassrotateError `unknown_scheme`, `malformed_hash`, `unsupported_version`,
 *   `cost_too_high`, `user_required`.
 *
 * @example
 * ```ts
 * await verifyPassword('Correct-Horse-9', stored); // true
 * ```
 */
export async function verifyPassword(
  password: string,
  stored: string,
  options: VerifyOptions = {},
): Promise<boolean> {
  const limits = resolveLimits(options.limits);
  const { parsed } = parseStored(stored);
  parsed.checkLimits(limits);
  const bytes = passwordBytes(password, limits);
  if (!bytes) return false;
  const ctx: CodecContext = { engine: options.engine ?? getDefaultEngine(), limits, user: options.user };
  return (await parsed.verify(bytes, ctx)) === true;
}
