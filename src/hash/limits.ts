/** @module Caps on stored-hash costs and password size, checked before any work is done. */

import { PassrotateError } from '../errors.js';

/**
 * Upper bounds that keep a hostile or mistyped stored hash from hanging the server: a hash asking
 * for more is refused with `cost_too_high` before any key derivation starts. Every field is
 * configurable per call (`{ limits }`) or per hasher.
 *
 * @example
 * ```ts
 * const limits: HashLimits = { ...DEFAULT_LIMITS, maxBcryptCost: 14 };
 * ```
 */
export interface HashLimits {
  /** Longest password accepted, in UTF-8 bytes. Default 4096. */
  readonly maxPasswordBytes: number;
  /** SHA-crypt rounds. Default 1,000,000 (passlib's 656,000 default fits; the spec allows 999,999,999). */
  readonly maxShaCryptRounds: number;
  /** bcrypt cost (log2 of the key-schedule repetitions). Default 16 (the format allows 31). */
  readonly maxBcryptCost: number;
  /** Argon2 memory in KiB. Default 1,048,576 (1 GiB); the format allows 4 TiB. */
  readonly maxArgon2MemoryKiB: number;
  /** Argon2 passes. Default 64. */
  readonly maxArgon2Passes: number;
  /** Argon2 lanes. Default 64. */
  readonly maxArgon2Lanes: number;
  /** PBKDF2 iterations, also SCRAM's. Default 10,000,000 (OWASP's highest figure is 1,300,000). */
  readonly maxPbkdf2Iterations: number;
  /** scrypt memory, 128·N·r·p bytes. Default 1 GiB. */
  readonly maxScryptMemoryBytes: number;
  /**
   * The work budget, on top of the per-parameter caps: the most key-derivation time one hash may
   * ask for, in milliseconds of one core as estimated from its parameters (Argon2 m·t, bcrypt
   * 2^cost, SHA-crypt rounds, PBKDF2/SCRAM iterations per hash function, scrypt N·r·p; see
   * `WORK_UNIT_NS`). Default 1000 — about one second on the machine the estimates were measured
   * on: OWASP's settings fit (Argon2id m=19456,t=2 ≈ 25 ms; bcrypt 10 ≈ 68 ms; scrypt N=2^17 ≈
   * 420 ms; PBKDF2-SHA1 1,300,000 ≈ 490 ms), while an Argon2 hash at every cap (1 GiB, t=64) would
   * take ≈ 44 s and is refused. bcrypt cost 14 (≈ 1.1 s) and above need a raised budget.
   */
  readonly maxWorkMs: number;
}

/**
 * The default caps.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxBcryptCost; // 16
 * ```
 */
export const DEFAULT_LIMITS: HashLimits = Object.freeze({
  maxPasswordBytes: 4096,
  maxShaCryptRounds: 1_000_000,
  maxBcryptCost: 16,
  maxArgon2MemoryKiB: 1_048_576,
  maxArgon2Passes: 64,
  maxArgon2Lanes: 64,
  maxPbkdf2Iterations: 10_000_000,
  maxScryptMemoryBytes: 1024 ** 3,
  maxWorkMs: 1000,
});

/**
 * Merges partial caps over the defaults and validates them.
 *
 * @example
 * ```ts
 * resolveLimits({ maxBcryptCost: 12 }).maxBcryptCost; // 12
 * ```
 */
export function resolveLimits(partial?: Partial<HashLimits>): HashLimits {
  if (partial === undefined) return DEFAULT_LIMITS;
  const merged: HashLimits = { ...DEFAULT_LIMITS, ...partial };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`limits.${key} must be a non-negative integer`);
  }
  return merged;
}

/**
 * Throws `cost_too_high` when `value` exceeds `cap`.
 *
 * @example
 * ```ts
 * assertCost('bcrypt cost', 31, 16); // throws PassrotateError('cost_too_high')
 * ```
 */
export function assertCost(what: string, value: number, cap: number): void {
  if (value > cap) {
    throw new PassrotateError('cost_too_high', `Hash cost too high: ${what} ${value} exceeds the cap ${cap}`);
  }
}
