/** @module BLF-CRYPT: bcrypt (`$2y$`, reading `$2a$`/`$2b$` too), Provos & Mazières 1999. */

import { PassrotateError } from '../../errors.js';
import {
  type CodecContext,
  malformedHash,
  type ParsedHash,
  randomSalt,
  resolveIntParams,
  type SchemeWriter,
  type WriteContext,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeBcrypt64, encodeBcrypt64, latin1Bytes } from '../encoding.js';
import type { KdfEngine } from '../kdf-engine.js';
import type { HashParams } from '../types.js';
import { checkBcryptCost } from '../work-budget.js';

/**
 * bcrypt reads at most 72 key bytes (the password plus its terminating NUL, cut to 72).
 *
 * @example
 * ```ts
 * utf8Bytes(pw).length <= BCRYPT_MAX_PASSWORD_BYTES;
 * ```
 */
const BCRYPT_MAX_PASSWORD_BYTES = 72;

/**
 * bcrypt's key from password bytes: the bytes plus a NUL, cut to 72 — what every implementation
 * feeds EksBlowfish (so bytes past the 72nd never matter).
 *
 * @example
 * ```ts
 * bcryptKey(utf8Bytes('ab')); // Uint8Array [97, 98, 0]
 * ```
 */
export function bcryptKey(password: Uint8Array): Uint8Array {
  const key = new Uint8Array(Math.min(password.length + 1, BCRYPT_MAX_PASSWORD_BYTES));
  key.set(password.subarray(0, key.length));
  return key;
}

/**
 * The 53-character salt+hash part (`22 salt chars` + `31 hash chars`) for a key, salt and cost.
 *
 * @example
 * ```ts
 * await bcryptTail(engine, bcryptKey(pw), salt, 10);
 * ```
 */
export async function bcryptTail(
  engine: KdfEngine,
  key: Uint8Array,
  salt: Uint8Array,
  cost: number,
): Promise<string> {
  const raw = await engine.bcrypt(key, salt, cost);
  return encodeBcrypt64(salt) + encodeBcrypt64(raw.subarray(0, 23));
}

/**
 * The parts of a modular-crypt bcrypt string.
 *
 * @example
 * ```ts
 * const { cost, salt } = splitBcrypt('$2y$10$…');
 * ```
 */
export interface BcryptParts {
  readonly version: '2a' | '2b' | '2y';
  readonly cost: number;
  readonly salt: Uint8Array;
  /** Salt and hash as stored (53 characters). */
  readonly tail: string;
}

/**
 * Splits `$2y$10$<22 salt><31 hash>`; `$2x$` (the crypt_blowfish sign-extension bug) and `$2$`
 * are refused with `unsupported_version`.
 *
 * @example
 * ```ts
 * splitBcrypt('$2y$10$…').cost; // 10
 * ```
 */
export function splitBcrypt(stored: string): BcryptParts {
  const match = /^\$2([abxy]?)\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/.exec(stored);
  if (!match) throw malformedHash('not a bcrypt string');
  const version = match[1];
  if (version !== 'a' && version !== 'b' && version !== 'y') {
    throw new PassrotateError('unsupported_version', `bcrypt version $2${version}$ is not supported`);
  }
  const cost = Number(match[2]);
  if (cost < 4 || cost > 31) throw malformedHash('bcrypt cost outside 4–31');
  return {
    version: `2${version}`,
    cost,
    salt: decodeBcrypt64(match[3] as string),
    tail: `${match[3]}${match[4]}`,
  };
}

/**
 * Parses a bcrypt string. Verification follows every bcrypt implementation (and so Dovecot): only
 * the first 72 password bytes count. (Hashing refuses longer passwords instead; see the writer.)
 *
 * @example
 * ```ts
 * parseBcrypt('$2b$12$…').params; // { cost: 12 }
 * ```
 */
export function parseBcrypt(stored: string): ParsedHash {
  const parts = splitBcrypt(stored);
  return {
    scheme: 'BLF-CRYPT',
    params: { cost: parts.cost },
    writable: true,
    checkLimits: (limits) => checkBcryptCost(parts.cost, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const tail = await bcryptTail(ctx.engine, bcryptKey(password), parts.salt, parts.cost);
      return timingSafeEqual(latin1Bytes(tail), latin1Bytes(parts.tail));
    },
  };
}

/**
 * Refuses passwords bcrypt would silently truncate.
 *
 * @example
 * ```ts
 * assertBcryptLength(utf8Bytes('x'.repeat(73))); // throws password_too_long
 * ```
 */
function assertBcryptLength(password: Uint8Array): void {
  if (password.length > BCRYPT_MAX_PASSWORD_BYTES) {
    throw new PassrotateError(
      'password_too_long',
      `bcrypt uses only the first ${BCRYPT_MAX_PASSWORD_BYTES} bytes of a password; refusing to truncate a longer one`,
    );
  }
}

/**
 * BLF-CRYPT writer: `$2y$` (what Dovecot writes). Default cost 10 — OWASP Password Storage Cheat
 * Sheet ("a work factor of 10 or more"); Dovecot's own default is 5. Passwords over 72 bytes are
 * refused with `password_too_long` instead of being truncated.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 12 } });
 * ```
 */
export const bcryptWriter: SchemeWriter = {
  scheme: 'BLF-CRYPT',
  dovecot: true,
  selfDescribing: true,
  encodable: false,
  defaults: { cost: 10 },
  resolveParams(params: HashParams): HashParams {
    return resolveIntParams('BLF-CRYPT', params, { cost: [10, 4, 31] });
  },
  async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
    const cost = params.cost ?? 10;
    assertBcryptLength(password);
    checkBcryptCost(cost, ctx.limits);
    const tail = await bcryptTail(ctx.engine, bcryptKey(password), randomSalt(ctx, 16), cost);
    return `$2y$${String(cost).padStart(2, '0')}$${tail}`;
  },
};
