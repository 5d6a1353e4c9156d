/** @module passlib's bcrypt_sha256 (`$bcrypt-sha256$v=2,t=2b,r=12$salt$hash`, and version 1) — verify only. */

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { type CodecContext, malformedHash, type ParsedHash } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { encodeBase64, latin1Bytes } from '../encoding.js';
import { checkBcryptCost } from '../work-budget.js';
import { bcryptKey, bcryptTail, splitBcrypt } from './bcrypt.js';

/**
 * Parses passlib's bcrypt_sha256. The bcrypt key is base64 of SHA-256(password) (v1) or of
 * HMAC-SHA256 keyed by the 22-character salt text (v2), so long passwords are not truncated.
 *
 * @example
 * ```ts
 * parseBcryptSha256('$bcrypt-sha256$v=2,t=2b,r=12$…$…').params; // { cost: 12, v: 2 }
 * ```
 */
export function parseBcryptSha256(stored: string): ParsedHash {
  const v2 = /^\$bcrypt-sha256\$v=2,t=(2a|2b),r=([0-9]{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/.exec(
    stored,
  );
  const v1 = v2
    ? null
    : /^\$bcrypt-sha256\$(2a|2b),([0-9]{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/.exec(stored);
  const match = v2 ?? v1;
  if (!match) throw malformedHash('not a bcrypt-sha256 string');
  const saltText = match[3] as string;
  const cost = Number(match[2]);
  const parts = splitBcrypt(`$${match[1]}$${String(cost).padStart(2, '0')}$${saltText}${match[4]}`);
  const version = v2 ? 2 : 1;
  return {
    scheme: 'BCRYPT-SHA256',
    params: { cost: parts.cost, v: version },
    writable: false,
    checkLimits: (limits) => checkBcryptCost(parts.cost, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const digest = version === 2 ? hmac(sha256, latin1Bytes(saltText), password) : sha256(password);
      const key = bcryptKey(latin1Bytes(encodeBase64(digest)));
      const tail = await bcryptTail(ctx.engine, key, parts.salt, parts.cost);
      return timingSafeEqual(latin1Bytes(tail), latin1Bytes(parts.tail));
    },
  };
}
