/** @module Public types of passrotate/hash. */

import type { RandomSource } from '../ports/random-source.js';
import type { KdfEngine } from './kdf-engine.js';
import type { HashLimits } from './limits.js';

/**
 * Scheme parameters, named as PHC strings name them: Argon2 `{ m, t, p }` (KiB, passes, lanes,
 * plus `v` for the version when read), bcrypt `{ cost }`, SHA-crypt / PBKDF2 / SCRAM `{ rounds }`,
 * scrypt `{ ln, r, p }`. Unsalted digests and PLAIN take none.
 *
 * @example
 * ```ts
 * const params: HashParams = { m: 19456, t: 2, p: 1 };
 * ```
 */
export type HashParams = Readonly<Record<string, number>>;

/**
 * How a stored string was written: with a `{SCHEME}` prefix (Dovecot's, or passlib's LDAP
 * `{PBKDF2-SHA256}`/`{PBKDF2-SHA512}`), or bare (crypt/MCF, PHC, passlib or Django layout).
 *
 * @example
 * ```ts
 * const form: HashForm = 'dovecot';
 * ```
 */
export type HashForm = 'dovecot' | 'bare';

/**
 * What {@link identifyHash} reads from a stored hash.
 *
 * @example
 * ```ts
 * identifyHash('{SHA512-CRYPT}$6$rounds=10000$salt$…');
 * // { scheme: 'SHA512-CRYPT', params: { rounds: 10000 }, form: 'dovecot', writable: true }
 * ```
 */
export interface HashInfo {
  /** Upper-case scheme name (Dovecot's where Dovecot has one, e.g. `ARGON2ID`, `BLF-CRYPT`). */
  readonly scheme: string;
  /** Cost parameters read from the hash. */
  readonly params: HashParams;
  /** Whether the string carried a `{SCHEME}` prefix. */
  readonly form: HashForm;
  /** The text encoding of a Dovecot digest (`.HEX`/`.B64` suffix or the scheme's default). */
  readonly encoding?: 'hex' | 'base64';
  /** `false` for legacy schemes this library reads but will not write. */
  readonly writable: boolean;
}

/**
 * Options shared by every call that may do key-derivation work.
 *
 * @example
 * ```ts
 * await verifyPassword(pw, stored, { limits: { maxBcryptCost: 12 } });
 * ```
 */
export interface WorkOptions {
  /** The engine that does the KDF work. Default: the module default (see `setDefaultEngine`). */
  readonly engine?: KdfEngine;
  /** Caps on stored-hash cost and password size. Default {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<HashLimits>;
}

/**
 * Options of {@link hashPassword}.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'ARGON2ID', params: { m: 65536, t: 3, p: 1 } });
 * ```
 */
export interface HashOptions extends WorkOptions {
  /** Scheme name, case-insensitive (`ARGON2ID`, `BLF-CRYPT`, `SHA512-CRYPT`, …); a `.HEX`/`.B64` suffix picks the digest encoding. */
  readonly scheme: string;
  /** Cost parameters; missing ones take the scheme's documented default. */
  readonly params?: HashParams;
  /** Digest text encoding for Dovecot digest schemes (same as a `.HEX`/`.B64` suffix). */
  readonly encoding?: 'hex' | 'base64';
  /** Return the bare crypt/PHC string without the `{SCHEME}` prefix (self-describing schemes only). */
  readonly bare?: boolean;
  /** Account name, for schemes salted with it (`DIGEST-MD5`: `user@realm`). */
  readonly user?: string;
  /** Where salts come from. Default: Web Crypto's `getRandomValues`. */
  readonly random?: RandomSource;
}

/**
 * Options of {@link verifyPassword}.
 *
 * @example
 * ```ts
 * await verifyPassword('pw', '{DIGEST-MD5}…', { user: 'joe@example.com' });
 * ```
 */
export interface VerifyOptions extends WorkOptions {
  /** Account name, for schemes salted with it (`DIGEST-MD5`). */
  readonly user?: string;
}

/**
 * The scheme and parameters a hash should be (re)written with.
 *
 * @example
 * ```ts
 * const target: HashTarget = { scheme: 'ARGON2ID', params: { m: 19456, t: 2, p: 1 } };
 * ```
 */
export interface HashTarget {
  /** Scheme name, case-insensitive. */
  readonly scheme: string;
  /** Cost parameters; missing ones take the scheme's default. */
  readonly params?: HashParams;
  /** Digest text encoding, as in {@link HashOptions}. */
  readonly encoding?: 'hex' | 'base64';
  /** Write the bare form, as in {@link HashOptions}. */
  readonly bare?: boolean;
}
