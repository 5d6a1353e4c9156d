/** @module The boundary between hash-format codecs and the key-derivation code that does the CPU work. */

/**
 * Argon2 parameters as the PHC string names them.
 *
 * @example
 * ```ts
 * const params: Argon2Params = { type: 'argon2id', version: 0x13, m: 65536, t: 3, p: 1, dkLen: 32 };
 * const key = await engine.argon2(passwordBytes, salt, params);
 * ```
 */
export interface Argon2Params {
  readonly type: 'argon2id' | 'argon2i' | 'argon2d';
  /** Version: 0x13 (19) or 0x10 (16). */
  readonly version: 0x13 | 0x10;
  /** Memory in KiB. */
  readonly m: number;
  /** Passes. */
  readonly t: number;
  /** Lanes. */
  readonly p: number;
  /** Output length in bytes. */
  readonly dkLen: number;
}

/**
 * scrypt parameters (N = 2^ln).
 *
 * @example
 * ```ts
 * const params: ScryptParams = { N: 2 ** 14, r: 8, p: 1, dkLen: 32 };
 * const key = await engine.scrypt(passwordBytes, salt, params);
 * ```
 */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly dkLen: number;
}

/**
 * The slow primitives behind the password-hash schemes. Codecs parse and format strings and call
 * an engine for the work, so the same codec runs on the portable reference engine (pure JS, any
 * runtime) or on Node's fast engine (native/WASM code in a worker pool, off the event loop).
 *
 * Contract: every method is deterministic — for equal inputs every engine returns equal bytes
 * (checked by a property test against the reference engine) — and never retains the password.
 * Parameter bounds are checked by the codecs before an engine is called.
 *
 * @example
 * ```ts
 * const dk = await engine.pbkdf2('sha256', utf8('pw'), salt, 600_000, 32);
 * ```
 */
export interface KdfEngine {
  /** Raw Argon2 tag. */
  argon2(password: Uint8Array, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array>;
  /** bcrypt: the 23-byte raw hash for a 16-byte salt (password already NUL-terminated/truncated by the codec). */
  bcrypt(password: Uint8Array, salt: Uint8Array, cost: number): Promise<Uint8Array>;
  /** SHA-crypt (Drepper's spec): the raw 32/64-byte digest before the custom base64 transposition. */
  shaCrypt(
    algorithm: 'sha256' | 'sha512',
    password: Uint8Array,
    salt: Uint8Array,
    rounds: number,
  ): Promise<Uint8Array>;
  /** PBKDF2-HMAC. */
  pbkdf2(
    digest: 'sha1' | 'sha256' | 'sha512',
    password: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    dkLen: number,
  ): Promise<Uint8Array>;
  /** scrypt. */
  scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array>;
}
