/** @module Which parameter is a scheme's work factor, how the time grows with it, and where to start measuring. */
import type { HashParams } from '../hash/node.js';

/**
 * A scheme's work factor: the parameter `-r` sets and `calibrate` tunes.
 *
 * @example
 * ```ts
 * const knob: CostKnob | undefined = costKnob('BLF-CRYPT');
 * knob?.growth; // 'doubling'
 * ```
 */
export interface CostKnob {
  /** The PHC parameter name (`t`, `cost`, `rounds`, `ln`). */
  readonly param: string;
  /** `linear`: time ∝ value (passes, rounds); `doubling`: time ∝ 2^value (bcrypt cost, scrypt ln). */
  readonly growth: 'linear' | 'doubling';
  /** The smallest value the scheme accepts. */
  readonly min: number;
  /** A cheap value to start measuring from. */
  readonly start: number;
  /** The other parameters, held at their recommended values while the knob is tuned. */
  readonly fixed: HashParams;
}

const ARGON2: CostKnob = {
  param: 't',
  growth: 'linear',
  min: 1,
  start: 1,
  // OWASP Password Storage Cheat Sheet: m=19456 KiB, p=1; more passes buy more time.
  fixed: { m: 19456, p: 1 },
};

/**
 * The work factor of `scheme` (case-insensitive, without a `.HEX`/`.B64` suffix), or `undefined`
 * for a scheme without one (digests, PLAIN).
 *
 * @param scheme - A scheme name such as `BLF-CRYPT`.
 * @returns The knob.
 * @example
 * ```ts
 * costKnob('blf-crypt'); // { param: 'cost', growth: 'doubling', min: 4, start: 8, fixed: {} }
 * ```
 */
export function costKnob(scheme: string): CostKnob | undefined {
  const name = scheme.toUpperCase();
  if (name === 'ARGON2ID' || name === 'ARGON2I') return ARGON2;
  if (name === 'BLF-CRYPT') return { param: 'cost', growth: 'doubling', min: 4, start: 8, fixed: {} };
  if (name === 'SCRYPT') return { param: 'ln', growth: 'doubling', min: 1, start: 14, fixed: { r: 8, p: 1 } };
  if (name === 'SHA256-CRYPT' || name === 'SHA512-CRYPT') {
    return { param: 'rounds', growth: 'linear', min: 1000, start: 5000, fixed: {} };
  }
  // RFC 7677 asks SCRAM for at least 4096 iterations.
  if (name.startsWith('SCRAM-'))
    return { param: 'rounds', growth: 'linear', min: 4096, start: 4096, fixed: {} };
  if (name.startsWith('PBKDF2'))
    return { param: 'rounds', growth: 'linear', min: 1000, start: 10_000, fixed: {} };
  return undefined;
}
