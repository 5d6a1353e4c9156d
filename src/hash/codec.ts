/** @module The contract every scheme codec under schemes/ implements, and the helpers they share. */

import { PassrotateError } from '../errors.js';
import type { RandomSource } from '../ports/random-source.js';
import { CRYPT64_ALPHABET } from './encoding.js';
import type { KdfEngine } from './kdf-engine.js';
import type { HashLimits } from './limits.js';
import type { HashParams } from './types.js';

/**
 * What a codec gets to do its work.
 *
 * @example
 * ```ts
 * const ctx: CodecContext = { engine: referenceEngine, limits: DEFAULT_LIMITS };
 * ```
 */
export interface CodecContext {
  readonly engine: KdfEngine;
  readonly limits: HashLimits;
  readonly user?: string | undefined;
}

/**
 * What a codec gets to write a hash.
 *
 * @example
 * ```ts
 * const ctx: WriteContext = { engine: referenceEngine, limits: DEFAULT_LIMITS, random: cryptoRandomSource };
 * ```
 */
export interface WriteContext extends CodecContext {
  readonly random: RandomSource;
  readonly encoding?: 'hex' | 'base64' | undefined;
}

/**
 * A stored hash, parsed and validated: its scheme, parameters, and how to check a password.
 *
 * @example
 * ```ts
 * const parsed = parseStored('{SSHA}…');
 * parsed.checkLimits(DEFAULT_LIMITS);
 * await parsed.verify(utf8Bytes('pw'), ctx);
 * ```
 */
export interface ParsedHash {
  readonly scheme: string;
  readonly params: HashParams;
  readonly writable: boolean;
  readonly encoding?: 'hex' | 'base64';
  /** Throws `cost_too_high` when the stored cost exceeds a cap; does no work. */
  checkLimits(limits: HashLimits): void;
  /** Recomputes and compares in constant time. */
  verify(password: Uint8Array, ctx: CodecContext): Promise<boolean>;
}

/**
 * Parses the part after `{SCHEME}` (or the whole bare string); throws `malformed_hash`.
 *
 * @example
 * ```ts
 * const parse: BodyParser = (body, encoding) => parseSshaBody('SSHA', body, encoding);
 * ```
 */
export type BodyParser = (body: string, encoding: 'hex' | 'base64' | undefined) => ParsedHash;

/**
 * A writable scheme.
 *
 * @example
 * ```ts
 * const body = await writer.hash(utf8Bytes('pw'), writer.resolveParams({}), ctx);
 * ```
 */
export interface SchemeWriter {
  /** Upper-case scheme name. */
  readonly scheme: string;
  /** Dovecot knows it, so the default output carries the `{SCHEME}` prefix. */
  readonly dovecot: boolean;
  /** The body alone identifies the scheme (crypt/PHC), so `bare` output is allowed. */
  readonly selfDescribing: boolean;
  /** The body is a raw digest whose text encoding (hex/base64) can be chosen. */
  readonly encodable: boolean;
  /** Default parameters, each with its source in the codec's TSDoc. */
  readonly defaults: HashParams;
  /** Merges `params` over the defaults and validates them; throws `invalid_params`. */
  resolveParams(params: HashParams): HashParams;
  /** Hashes and returns the body (without `{SCHEME}`). */
  hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string>;
}

/**
 * The `malformed_hash` error; the message names what is wrong, never the hash itself.
 *
 * @example
 * ```ts
 * throw malformedHash('SSHA: digest too short');
 * ```
 */
export function malformedHash(what: string): PassrotateError {
  return new PassrotateError('malformed_hash', `Stored hash is malformed: ${what}`);
}

/**
 * The `invalid_params` error for a bad `params` value given to `hashPassword`.
 *
 * @example
 * ```ts
 * throw invalidParams('bcrypt cost must be 4–31');
 * ```
 */
export function invalidParams(what: string): PassrotateError {
  return new PassrotateError('invalid_params', `Invalid hash parameters: ${what}`);
}

/**
 * Reads an integer parameter, checks its range, and rejects keys the scheme does not know.
 *
 * @example
 * ```ts
 * resolveIntParams('BLF-CRYPT', { cost: 12 }, { cost: [10, 4, 31] }); // { cost: 12 }
 * ```
 */
export function resolveIntParams(
  scheme: string,
  params: HashParams,
  spec: Readonly<Record<string, readonly [defaultValue: number, min: number, max: number]>>,
): HashParams {
  for (const key of Object.keys(params)) {
    if (!(key in spec)) throw invalidParams(`${scheme} has no parameter "${key}"`);
  }
  const out: Record<string, number> = {};
  for (const [key, [defaultValue, min, max]] of Object.entries(spec)) {
    const value = params[key] ?? defaultValue;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw invalidParams(`${scheme} ${key} must be an integer from ${min} to ${max}`);
    }
    out[key] = value;
  }
  return out;
}

/**
 * Random salt bytes.
 *
 * @example
 * ```ts
 * randomSalt(ctx, 16).length; // 16
 * ```
 */
export function randomSalt(ctx: WriteContext, length: number): Uint8Array {
  return ctx.random.fill(new Uint8Array(length));
}

/**
 * A random salt string over crypt(3)'s 64-character alphabet (Dovecot's `salt_chars`); each byte
 * maps to one character without bias because 256 is a multiple of 64.
 *
 * @example
 * ```ts
 * randomCryptSalt(ctx, 16); // e.g. 'q3/Zk…'
 * ```
 */
export function randomCryptSalt(ctx: WriteContext, length: number): string {
  let out = '';
  for (const b of randomSalt(ctx, length)) out += CRYPT64_ALPHABET[b & 63];
  return out;
}

/**
 * Parses a decimal integer without sign, leading `+`, spaces or exponent; throws `malformed_hash`.
 *
 * @example
 * ```ts
 * parseDecimal('5000', 'rounds'); // 5000
 * ```
 */
export function parseDecimal(text: string, what: string): number {
  if (!/^[0-9]{1,15}$/.test(text)) throw malformedHash(`${what} is not a decimal number`);
  return Number(text);
}

/**
 * A `checkLimits` that accepts anything (schemes without a cost parameter).
 *
 * @example
 * ```ts
 * const parsed = { …, checkLimits: noCost };
 * ```
 */
export function noCost(): void {}
