/** @module Django's password formats: pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256, bcrypt — verify only. */

import { sha256 } from '@noble/hashes/sha2.js';
import { type CodecContext, malformedHash, type ParsedHash, parseDecimal } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeBase64, encodeHex, latin1Bytes, utf8Bytes } from '../encoding.js';
import { checkBcryptCost, checkPbkdf2Rounds } from '../work-budget.js';
import { argon2Parsed, splitArgon2 } from './argon2.js';
import { bcryptKey, bcryptTail, splitBcrypt } from './bcrypt.js';

function parsePbkdf2(stored: string, digest: 'sha1' | 'sha256'): ParsedHash {
  const fields = stored.split('$');
  if (fields.length !== 4) throw malformedHash('Django PBKDF2 value is not algorithm$iterations$salt$hash');
  const [, roundsText, salt, hashText] = fields as [string, string, string, string];
  const rounds = parseDecimal(roundsText, 'PBKDF2 iterations');
  if (rounds < 1) throw malformedHash('PBKDF2 iterations out of range');
  const hash = decodeBase64(hashText);
  if (hash.length !== (digest === 'sha1' ? 20 : 32))
    throw malformedHash('Django PBKDF2 hash has the wrong length');
  return {
    scheme: digest === 'sha1' ? 'DJANGO-PBKDF2-SHA1' : 'DJANGO-PBKDF2-SHA256',
    params: { rounds },
    writable: false,
    checkLimits: (limits) => checkPbkdf2Rounds('PBKDF2 rounds', digest, rounds, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await ctx.engine.pbkdf2(digest, password, utf8Bytes(salt), rounds, hash.length);
      return timingSafeEqual(computed, hash);
    },
  };
}

function parseBcrypt(stored: string, prehash: boolean): ParsedHash {
  const parts = splitBcrypt(stored.slice(stored.indexOf('$$') + 1));
  return {
    scheme: prehash ? 'DJANGO-BCRYPT-SHA256' : 'DJANGO-BCRYPT',
    params: { cost: parts.cost },
    writable: false,
    checkLimits: (limits) => checkBcryptCost(parts.cost, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      // Django's BCryptSHA256PasswordHasher feeds bcrypt the hex SHA-256 of the password.
      const key = bcryptKey(prehash ? latin1Bytes(encodeHex(sha256(password))) : password);
      const tail = await bcryptTail(ctx.engine, key, parts.salt, parts.cost);
      return timingSafeEqual(latin1Bytes(tail), latin1Bytes(parts.tail));
    },
  };
}

/**
 * Parses a Django-stored hash: `pbkdf2_sha256$…`, `pbkdf2_sha1$…`, `argon2$argon2id$…`,
 * `bcrypt_sha256$$2b$…`, `bcrypt$$2b$…`.
 *
 * @example
 * ```ts
 * parseDjango('pbkdf2_sha256$600000$salt$…').scheme; // 'DJANGO-PBKDF2-SHA256'
 * ```
 */
export function parseDjango(stored: string): ParsedHash {
  if (stored.startsWith('pbkdf2_sha256$')) return parsePbkdf2(stored, 'sha256');
  if (stored.startsWith('pbkdf2_sha1$')) return parsePbkdf2(stored, 'sha1');
  if (stored.startsWith('argon2$'))
    return argon2Parsed(splitArgon2(stored.slice('argon2'.length)), 'DJANGO-ARGON2', false);
  if (stored.startsWith('bcrypt_sha256$$')) return parseBcrypt(stored, true);
  if (stored.startsWith('bcrypt$$')) return parseBcrypt(stored, false);
  throw malformedHash('not a Django hash');
}
