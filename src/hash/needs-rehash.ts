/** @module needsRehash: is a stored hash weaker than (or different from) the target scheme and cost? */

import { PassrotateError } from '../errors.js';
import { canonicalScheme, findWriter, parseStored, splitSchemeName } from './registry.js';
import type { HashParams, HashTarget } from './types.js';

/** Parameters whose larger value means more work; a stored value below the target's is weaker. */
const COST_KEYS: readonly string[] = ['m', 't', 'cost', 'rounds', 'ln', 'r', 'v'];

/**
 * `true` when `stored` uses a different scheme than `target`, or a cost parameter (Argon2 m/t and
 * version, bcrypt cost, rounds, scrypt ln/r) below the target's (missing target params take the
 * scheme defaults). Higher stored costs never trigger a rehash. Does no key derivation.
 *
 * @param stored - any hash {@link identifyHash} reads.
 * @param target - the scheme and params new hashes are written with.
 * @throws PassrotateError `unknown_scheme` / `malformed_hash` for the stored hash, and
 *   `unknown_scheme` / `scheme_not_writable` / `invalid_params` for the target.
 *
 * @example
 * ```ts
 * needsRehash('{SHA512-CRYPT}$6$…', { scheme: 'ARGON2ID' }); // true
 * needsRehash('{BLF-CRYPT}$2y$10$…', { scheme: 'BLF-CRYPT', params: { cost: 12 } }); // true
 * ```
 */
export function needsRehash(stored: string, target: HashTarget): boolean {
  const split = splitSchemeName(target.scheme);
  if (!split) throw new PassrotateError('unknown_scheme', 'Unknown password scheme');
  const writer = findWriter(split.name);
  const wanted: HashParams = {
    ...writer.resolveParams(target.params ?? {}),
    ...(writer.scheme.startsWith('ARGON2') ? { v: 0x13 } : {}),
  };
  const { parsed } = parseStored(stored);
  if (canonicalScheme(parsed.scheme) !== canonicalScheme(writer.scheme)) return true;
  return isWeaker(parsed.params, wanted);
}

/**
 * `true` when any cost parameter of `have` is below the same parameter of `want`.
 *
 * @example
 * ```ts
 * isWeaker({ cost: 10 }, { cost: 12 }); // true
 * ```
 */
export function isWeaker(have: HashParams, want: HashParams): boolean {
  return COST_KEYS.some((key) => want[key] !== undefined && (have[key] ?? 0) < (want[key] as number));
}
