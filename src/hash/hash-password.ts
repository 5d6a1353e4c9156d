/** @module hashPassword: a new stored hash in Dovecot's `{SCHEME}` form (or the bare crypt/PHC form). */

import { PassrotateError } from '../errors.js';
import { cryptoRandomSource } from '../ports/random-source.js';
import type { WriteContext } from './codec.js';
import { getDefaultEngine } from './default-engine.js';
import { resolveLimits } from './limits.js';
import { requirePasswordBytes } from './password-bytes.js';
import { findWriter, splitSchemeName } from './registry.js';
import type { HashOptions } from './types.js';

/**
 * Hashes `password` with `scheme` and returns the string to store: `{SCHEME}…` as Dovecot reads
 * it, or with `bare: true` the bare crypt/PHC string (self-describing schemes only). Schemes
 * Dovecot doesn't know (`SCRYPT`, `PBKDF2-SHA256`, …) are always bare.
 *
 * @param password - the password; hashed as UTF-8 without normalisation.
 * @param options - scheme (case-insensitive; `.HEX`/`.B64` suffix allowed), params, encoding, bare.
 * @returns the stored form.
 * @throws PassrotateError `unknown_scheme`, `scheme_not_writable`, `invalid_params`,
 *   `cost_too_high` (beyond the caps), `password_too_long` (over `limits.maxPasswordBytes`, or
 *   over 72 bytes for BLF-CRYPT), `invalid_password` (contains NUL), `user_required`.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('Correct-Horse-9', { scheme: 'ARGON2ID' });
 * // '{ARGON2ID}$argon2id$v=19$m=19456,t=2,p=1$…$…'
 * ```
 */
export async function hashPassword(password: string, options: HashOptions): Promise<string> {
  const split = splitSchemeName(options.scheme);
  if (!split) throw new PassrotateError('unknown_scheme', 'Unknown password scheme');
  const writer = findWriter(split.name);
  const encoding = options.encoding ?? split.encoding;
  if (encoding !== undefined && !writer.encodable) {
    throw new PassrotateError('invalid_params', `${writer.scheme} has no digest encoding to choose`);
  }
  if (options.bare && !writer.selfDescribing) {
    throw new PassrotateError(
      'invalid_params',
      `${writer.scheme} needs its {SCHEME} prefix to be recognised`,
    );
  }
  const limits = resolveLimits(options.limits);
  const bytes = requirePasswordBytes(password, limits);
  const params = writer.resolveParams(options.params ?? {});
  const ctx: WriteContext = {
    engine: options.engine ?? getDefaultEngine(),
    limits,
    random: options.random ?? cryptoRandomSource,
    encoding,
    user: options.user,
  };
  const body = await writer.hash(bytes, params, ctx);
  if (options.bare || !writer.dovecot) return body;
  const suffix = encoding === 'hex' ? '.HEX' : encoding === 'base64' ? '.B64' : '';
  return `{${writer.scheme}${suffix}}${body}`;
}
