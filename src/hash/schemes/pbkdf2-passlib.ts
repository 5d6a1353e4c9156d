/** @module PBKDF2-SHA1/-SHA256/-SHA512 in passlib's modular-crypt layout `$pbkdf2-sha256$rounds$salt$hash` (ab64). */

import {
  type CodecContext,
  malformedHash,
  type ParsedHash,
  parseDecimal,
  randomSalt,
  resolveIntParams,
  type SchemeWriter,
  type WriteContext,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeAb64, encodeAb64 } from '../encoding.js';
import type { HashParams } from '../types.js';
import { checkPbkdf2Rounds } from '../work-budget.js';

type Digest = 'sha1' | 'sha256' | 'sha512';

/** Per digest: identifier, scheme name, key size, and OWASP's iteration figure. */
const VARIANTS: Readonly<Record<Digest, { id: string; scheme: string; size: number; rounds: number }>> = {
  sha1: { id: 'pbkdf2', scheme: 'PBKDF2-SHA1', size: 20, rounds: 1_300_000 },
  sha256: { id: 'pbkdf2-sha256', scheme: 'PBKDF2-SHA256', size: 32, rounds: 600_000 },
  sha512: { id: 'pbkdf2-sha512', scheme: 'PBKDF2-SHA512', size: 64, rounds: 210_000 },
};

const IDS: Readonly<Record<string, Digest>> = {
  pbkdf2: 'sha1',
  'pbkdf2-sha256': 'sha256',
  'pbkdf2-sha512': 'sha512',
};

/**
 * Parses passlib's `$pbkdf2[-sha256|-sha512]$rounds$salt$hash` (ab64), also the PHC-style
 * `$pbkdf2-sha256$i=rounds[,l=length]$salt$hash`.
 *
 * @example
 * ```ts
 * parsePbkdf2Passlib('$pbkdf2-sha256$29000$…$…').params; // { rounds: 29000 }
 * ```
 */
export function parsePbkdf2Passlib(stored: string): ParsedHash {
  const match =
    /^\$(pbkdf2|pbkdf2-sha256|pbkdf2-sha512)\$(?:i=)?([0-9]+)(?:,l=[0-9]+)?\$([A-Za-z0-9+/.]*)\$([A-Za-z0-9+/.]+)$/.exec(
      stored,
    );
  if (!match) throw malformedHash('not a passlib PBKDF2 string');
  const digest = IDS[match[1] as string] as Digest;
  const variant = VARIANTS[digest];
  const rounds = parseDecimal(match[2] as string, 'PBKDF2 rounds');
  if (rounds < 1) throw malformedHash('PBKDF2 rounds out of range');
  const salt = decodeAb64(match[3] as string);
  const hash = decodeAb64(match[4] as string);
  // More than one digest's worth multiplies the work (one PBKDF2 block per digest size): refuse it.
  if (hash.length < 1 || hash.length > variant.size) throw malformedHash('PBKDF2 hash length out of range');
  return {
    scheme: variant.scheme,
    params: { rounds },
    writable: true,
    checkLimits: (limits) => checkPbkdf2Rounds('PBKDF2 rounds', digest, rounds, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await ctx.engine.pbkdf2(digest, password, salt, rounds, hash.length);
      return timingSafeEqual(computed, hash);
    },
  };
}

function writer(digest: Digest): SchemeWriter {
  const variant = VARIANTS[digest];
  return {
    scheme: variant.scheme,
    dovecot: false,
    selfDescribing: true,
    encodable: false,
    defaults: { rounds: variant.rounds },
    resolveParams(params: HashParams): HashParams {
      return resolveIntParams(variant.scheme, params, { rounds: [variant.rounds, 1, 0xffffffff] });
    },
    async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
      const rounds = params.rounds ?? variant.rounds;
      checkPbkdf2Rounds('PBKDF2 rounds', digest, rounds, ctx.limits);
      const salt = randomSalt(ctx, 16);
      const hash = await ctx.engine.pbkdf2(digest, password, salt, rounds, variant.size);
      return `$${variant.id}$${rounds}$${encodeAb64(salt)}$${encodeAb64(hash)}`;
    },
  };
}

/**
 * PBKDF2-SHA256 writer (passlib's `pbkdf2_sha256` layout). Default 600,000 rounds — OWASP's
 * PBKDF2-HMAC-SHA256 figure. Dovecot cannot read it; use `{PBKDF2}` for Dovecot.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PBKDF2-SHA256' }); // '$pbkdf2-sha256$600000$…$…'
 * ```
 */
export const pbkdf2Sha256Writer: SchemeWriter = writer('sha256');

/**
 * PBKDF2-SHA512 writer (passlib layout). Default 210,000 rounds — OWASP's PBKDF2-HMAC-SHA512 figure.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PBKDF2-SHA512' });
 * ```
 */
export const pbkdf2Sha512Writer: SchemeWriter = writer('sha512');

/**
 * PBKDF2-SHA1 writer (passlib's `$pbkdf2$`). Default 1,300,000 rounds — OWASP's PBKDF2-HMAC-SHA1 figure.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PBKDF2-SHA1' });
 * ```
 */
export const pbkdf2Sha1Writer: SchemeWriter = writer('sha1');
