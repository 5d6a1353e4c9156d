/** @module SHA256-CRYPT (`$5$`) and SHA512-CRYPT (`$6$`): Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512". */

import {
  type CodecContext,
  malformedHash,
  type ParsedHash,
  parseDecimal,
  randomCryptSalt,
  resolveIntParams,
  type SchemeWriter,
  type WriteContext,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { encodeCrypt64Order, isCrypt64, latin1Bytes } from '../encoding.js';
import type { KdfEngine } from '../kdf-engine.js';
import { assertCost, type HashLimits } from '../limits.js';
import type { HashParams } from '../types.js';
import { assertWorkBudget } from '../work-budget.js';

/** Spec constants (Drepper, "Unix crypt using SHA-256 and SHA-512", §"rounds"). */
const ROUNDS_DEFAULT = 5000;
const ROUNDS_MIN = 1000;
const ROUNDS_MAX = 999_999_999;
const SALT_MAX = 16;

type Algorithm = 'sha256' | 'sha512';
const VARIANTS = {
  sha256: { id: '5', scheme: 'SHA256-CRYPT', length: 43 },
  sha512: { id: '6', scheme: 'SHA512-CRYPT', length: 86 },
} as const;

/** The spec's byte transposition for the final base64 step. */
const ORDER_256: readonly (readonly [number, number, number])[] = [
  [0, 10, 20],
  [21, 1, 11],
  [12, 22, 2],
  [3, 13, 23],
  [24, 4, 14],
  [15, 25, 5],
  [6, 16, 26],
  [27, 7, 17],
  [18, 28, 8],
  [9, 19, 29],
];
const ORDER_512: readonly (readonly [number, number, number])[] = [
  [0, 21, 42],
  [22, 43, 1],
  [44, 2, 23],
  [3, 24, 45],
  [25, 46, 4],
  [47, 5, 26],
  [6, 27, 48],
  [28, 49, 7],
  [50, 8, 29],
  [9, 30, 51],
  [31, 52, 10],
  [53, 11, 32],
  [12, 33, 54],
  [34, 55, 13],
  [56, 14, 35],
  [15, 36, 57],
  [37, 58, 16],
  [59, 17, 38],
  [18, 39, 60],
  [40, 61, 19],
  [62, 20, 41],
];

function encodeDigest(algorithm: Algorithm, digest: Uint8Array): string {
  return algorithm === 'sha256'
    ? encodeCrypt64Order(digest, ORDER_256, [null, 31, 30], 3)
    : encodeCrypt64Order(digest, ORDER_512, [null, null, 63], 2);
}

interface Setting {
  readonly algorithm: Algorithm;
  /** The rounds written in the string, when a `rounds=` field is present. */
  readonly explicitRounds: number | undefined;
  readonly salt: string;
}

/** Reads `$5$[rounds=N$]salt[$…]` the way crypt(3) reads a setting. */
function readSetting(text: string): { setting: Setting; rest: string | undefined } {
  const match = /^\$([56])\$(?:rounds=([^$]*)\$)?([^$]*)(?:\$(.*))?$/s.exec(text);
  if (!match) throw malformedHash('not a SHA-crypt string');
  const algorithm: Algorithm = match[1] === '5' ? 'sha256' : 'sha512';
  const explicitRounds = match[2] === undefined ? undefined : parseDecimal(match[2], 'SHA-crypt rounds');
  return { setting: { algorithm, explicitRounds, salt: match[3] ?? '' }, rest: match[4] };
}

function effectiveRounds(setting: Setting): number {
  const rounds = setting.explicitRounds ?? ROUNDS_DEFAULT;
  return Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, rounds));
}

/** crypt(3) of a SHA-crypt setting: clamps rounds, cuts the salt to 16 bytes, returns the full string. */
async function cryptString(engine: KdfEngine, password: Uint8Array, setting: Setting): Promise<string> {
  const rounds = effectiveRounds(setting);
  const salt = setting.salt.slice(0, SALT_MAX);
  const digest = await engine.shaCrypt(setting.algorithm, password, latin1Bytes(salt), rounds);
  const roundsField = setting.explicitRounds === undefined ? '' : `rounds=${rounds}$`;
  return `$${VARIANTS[setting.algorithm].id}$${roundsField}${salt}$${encodeDigest(setting.algorithm, digest)}`;
}

/**
 * crypt(3) for a SHA-crypt setting string (`$6$rounds=N$salt`), with the specification's rules:
 * rounds clamped to 1000–999,999,999, salt cut to 16 characters. Used for the spec's test vectors.
 *
 * @example
 * ```ts
 * await shaCrypt(referenceEngine, utf8Bytes('Hello world!'), '$5$saltstring'); // '$5$saltstring$5B8v…'
 * ```
 */
export async function shaCrypt(engine: KdfEngine, password: Uint8Array, setting: string): Promise<string> {
  const { setting: parsed } = readSetting(setting);
  return cryptString(engine, password, parsed);
}

function checkLimits(setting: Setting): (limits: HashLimits) => void {
  return (limits) => {
    const rounds = effectiveRounds(setting);
    assertCost('SHA-crypt rounds', rounds, limits.maxShaCryptRounds);
    assertWorkBudget('SHA-crypt rounds', `${setting.algorithm}-crypt`, rounds, limits);
  };
}

/**
 * Parses a stored `$5$…`/`$6$…` string. Verification recomputes the whole crypt(3) string and
 * compares it to the stored one, as Dovecot's `crypt_verify` does.
 *
 * @example
 * ```ts
 * parseShaCrypt('$6$salt$…').params; // { rounds: 5000 }
 * ```
 */
export function parseShaCrypt(stored: string): ParsedHash {
  const { setting, rest } = readSetting(stored);
  const variant = VARIANTS[setting.algorithm];
  if (setting.salt.length > SALT_MAX) throw malformedHash('SHA-crypt salt longer than 16 characters');
  if (rest === undefined || rest.length !== variant.length || !isCrypt64(rest)) {
    throw malformedHash('SHA-crypt digest has the wrong length or alphabet');
  }
  return {
    scheme: variant.scheme,
    params: { rounds: setting.explicitRounds ?? ROUNDS_DEFAULT },
    writable: true,
    checkLimits: checkLimits(setting),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await cryptString(ctx.engine, password, setting);
      return timingSafeEqual(latin1Bytes(computed), latin1Bytes(stored));
    },
  };
}

function writer(algorithm: Algorithm): SchemeWriter {
  const variant = VARIANTS[algorithm];
  return {
    scheme: variant.scheme,
    dovecot: true,
    selfDescribing: true,
    encodable: false,
    defaults: { rounds: ROUNDS_DEFAULT },
    resolveParams(params: HashParams): HashParams {
      return resolveIntParams(variant.scheme, params, { rounds: [ROUNDS_DEFAULT, ROUNDS_MIN, ROUNDS_MAX] });
    },
    async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
      const rounds = params.rounds ?? ROUNDS_DEFAULT;
      const setting: Setting = {
        algorithm,
        explicitRounds: rounds === ROUNDS_DEFAULT ? undefined : rounds,
        salt: randomCryptSalt(ctx, SALT_MAX),
      };
      checkLimits(setting)(ctx.limits);
      return cryptString(ctx.engine, password, setting);
    },
  };
}

/**
 * SHA512-CRYPT writer. Default rounds 5000: the specification's `ROUNDS_DEFAULT`, which is also
 * what `doveadm pw -s SHA512-CRYPT` writes (OWASP gives no SHA-crypt figure; prefer ARGON2ID or
 * BLF-CRYPT for new hashes, or raise `rounds`).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SHA512-CRYPT', params: { rounds: 100_000 } });
 * ```
 */
export const sha512CryptWriter: SchemeWriter = writer('sha512');

/**
 * SHA256-CRYPT writer. Default rounds 5000 (the specification's `ROUNDS_DEFAULT`, Dovecot's too).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SHA256-CRYPT' });
 * ```
 */
export const sha256CryptWriter: SchemeWriter = writer('sha256');
