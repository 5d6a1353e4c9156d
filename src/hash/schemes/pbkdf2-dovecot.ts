/** @module Dovecot's PBKDF2 scheme: `{PBKDF2}$1$<salt>$<rounds>$<hex PBKDF2-HMAC-SHA1, 20 bytes>`. */

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
import { decodeHex, encodeHex, utf8Bytes } from '../encoding.js';
import type { HashParams } from '../types.js';
import { checkPbkdf2Rounds } from '../work-budget.js';

const KEY_LENGTH = 20;
/** OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA1, 1,300,000 iterations. */
const DEFAULT_ROUNDS = 1_300_000;

/**
 * Parses the body of `{PBKDF2}`: `$1$salt$rounds$hex` with a 40-digit key (Dovecot's
 * `pbkdf2_verify`; the salt is used as its text bytes).
 *
 * @example
 * ```ts
 * parsePbkdf2Dovecot('$1$YRmnkPeDtEa/JZmP$5000$f037…').params; // { rounds: 5000 }
 * ```
 */
export function parsePbkdf2Dovecot(body: string): ParsedHash {
  const fields = body.startsWith('$1$') ? body.slice(3).split('$') : [];
  if (fields.length !== 3) throw malformedHash('PBKDF2 value is not $1$salt$rounds$hex');
  const [salt, roundsText, hex] = fields as [string, string, string];
  const rounds = parseDecimal(roundsText, 'PBKDF2 rounds');
  if (rounds < 1 || rounds > 0xffffffff) throw malformedHash('PBKDF2 rounds out of range');
  if (hex.length !== KEY_LENGTH * 2) throw malformedHash('PBKDF2 key is not 160-bit hex');
  const key = decodeHex(hex);
  return {
    scheme: 'PBKDF2',
    params: { rounds },
    writable: true,
    checkLimits: (limits) => checkPbkdf2Rounds('PBKDF2 rounds', 'sha1', rounds, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await ctx.engine.pbkdf2('sha1', password, utf8Bytes(salt), rounds, KEY_LENGTH);
      return timingSafeEqual(computed, key);
    },
  };
}

/**
 * PBKDF2 writer (Dovecot's layout, HMAC-SHA1, 16-character salt as Dovecot generates). Default
 * 1,300,000 rounds — the OWASP Password Storage Cheat Sheet's PBKDF2-HMAC-SHA1 figure (Dovecot's
 * own default is 5000).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PBKDF2', params: { rounds: 1_300_000 } });
 * ```
 */
export const pbkdf2DovecotWriter: SchemeWriter = {
  scheme: 'PBKDF2',
  dovecot: true,
  selfDescribing: false,
  encodable: false,
  defaults: { rounds: DEFAULT_ROUNDS },
  resolveParams(params: HashParams): HashParams {
    return resolveIntParams('PBKDF2', params, { rounds: [DEFAULT_ROUNDS, 1, 0xffffffff] });
  },
  async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
    const rounds = params.rounds ?? DEFAULT_ROUNDS;
    checkPbkdf2Rounds('PBKDF2 rounds', 'sha1', rounds, ctx.limits);
    const salt = randomCryptSalt(ctx, 16);
    const key = await ctx.engine.pbkdf2('sha1', password, utf8Bytes(salt), rounds, KEY_LENGTH);
    return `$1$${salt}$${rounds}$${encodeHex(key)}`;
  },
};
