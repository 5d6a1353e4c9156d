/** @module createHasher: a passlib-CryptContext-like policy object implementing the PasswordHasher port. */

import { PassrotateError } from '../errors.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { RandomSource } from '../ports/random-source.js';
import { hashPassword } from './hash-password.js';
import type { KdfEngine } from './kdf-engine.js';
import { type HashLimits, resolveLimits } from './limits.js';
import { needsRehash } from './needs-rehash.js';
import { canonicalScheme, findWriter, parseStored, splitSchemeName } from './registry.js';
import type { HashTarget } from './types.js';
import { verifyPassword } from './verify-password.js';

/**
 * Options of {@link createHasher}.
 *
 * @example
 * ```ts
 * const options: HasherOptions = { default: { scheme: 'ARGON2ID' }, deprecated: 'auto' };
 * ```
 */
export interface HasherOptions {
  /** Scheme and params every new hash is written with. */
  readonly default: HashTarget;
  /** Schemes `verify` accepts (case-insensitive; aliases count). Default: every scheme this library reads. */
  readonly accept?: readonly string[];
  /**
   * Schemes whose hashes `needsRehash` flags whatever their cost. `'auto'` (default) deprecates
   * every scheme but the default's, as passlib's `deprecated=["auto"]`; a list deprecates those
   * only, and other accepted schemes are then kept as they are.
   */
  readonly deprecated?: 'auto' | readonly string[];
  /** KDF engine for every call. Default: the module default. */
  readonly engine?: KdfEngine;
  /** Caps for every call. */
  readonly limits?: Partial<HashLimits>;
  /** Salt source. Default: Web Crypto. */
  readonly random?: RandomSource;
}

/**
 * Outcome of {@link Hasher.verifyAndUpdate}.
 *
 * @example
 * ```ts
 * const result: VerifyAndUpdateResult = { ok: true, replacement: '{ARGON2ID}…' };
 * ```
 */
export type VerifyAndUpdateResult =
  | { readonly ok: false }
  | { readonly ok: true; readonly replacement?: string };

/**
 * A {@link PasswordHasher} plus rehash-on-login.
 *
 * @example
 * ```ts
 * const { ok, replacement } = await hasher.verifyAndUpdate(pw, stored);
 * if (ok && replacement) await store.setHash(user, replacement);
 * ```
 */
export interface Hasher extends PasswordHasher {
  /**
   * Verifies; when the password matches and the stored hash needs a rehash, also returns the
   * replacement hash (the only moment the plaintext is at hand to upgrade it).
   */
  verifyAndUpdate(password: string, stored: string): Promise<VerifyAndUpdateResult>;
}

/**
 * Creates the hashing policy of an application — the default scheme and cost, which stored schemes
 * are accepted and which are deprecated — as an object implementing the `PasswordHasher` port
 * used by the rotation flows.
 *
 * @throws PassrotateError `unknown_scheme` / `scheme_not_writable` / `invalid_params` when the
 *   default is not a writable scheme with valid params.
 *
 * @example
 * ```ts
 * const hasher = createHasher({ default: { scheme: 'ARGON2ID' }, accept: ['ARGON2ID', 'SHA512-CRYPT'] });
 * const stored = await hasher.hash('Correct-Horse-9');
 * await hasher.verify('Correct-Horse-9', stored); // true
 * ```
 */
export function createHasher(options: HasherOptions): Hasher {
  const split = splitSchemeName(options.default.scheme);
  if (!split) throw new PassrotateError('unknown_scheme', 'Unknown password scheme');
  const writer = findWriter(split.name);
  const defaultParams = writer.resolveParams(options.default.params ?? {});
  const limits = resolveLimits(options.limits);
  const defaultScheme = canonicalScheme(writer.scheme);
  const accept = options.accept?.map(canonicalScheme);
  const deprecated = options.deprecated ?? 'auto';
  const deprecatedSet = deprecated === 'auto' ? undefined : new Set(deprecated.map(canonicalScheme));
  if (deprecatedSet?.has(defaultScheme)) {
    throw new PassrotateError('invalid_params', 'The default scheme cannot also be deprecated');
  }
  if (accept && !accept.includes(defaultScheme)) {
    throw new PassrotateError('invalid_params', 'The default scheme must be among the accepted ones');
  }
  const work = {
    limits,
    ...(options.engine ? { engine: options.engine } : {}),
  };

  function acceptedScheme(stored: string): string {
    const scheme = canonicalScheme(parseStored(stored).parsed.scheme);
    if (accept && !accept.includes(scheme)) {
      throw new PassrotateError('scheme_not_accepted', `Stored hash scheme ${scheme} is not accepted`);
    }
    return scheme;
  }

  function rehash(stored: string): boolean {
    const scheme = acceptedScheme(stored);
    if (scheme === defaultScheme)
      return needsRehash(stored, { scheme: writer.scheme, params: defaultParams });
    return deprecatedSet === undefined || deprecatedSet.has(scheme);
  }

  const hasher: Hasher = {
    hash(password: string): Promise<string> {
      return hashPassword(password, {
        ...options.default,
        params: defaultParams,
        ...work,
        ...(options.random ? { random: options.random } : {}),
      });
    },
    async verify(password: string, stored: string): Promise<boolean> {
      acceptedScheme(stored);
      return verifyPassword(password, stored, work);
    },
    needsRehash: rehash,
    async verifyAndUpdate(password: string, stored: string): Promise<VerifyAndUpdateResult> {
      if (!(await hasher.verify(password, stored))) return { ok: false };
      return rehash(stored) ? { ok: true, replacement: await hasher.hash(password) } : { ok: true };
    },
  };
  return hasher;
}
