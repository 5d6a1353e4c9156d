/** @module SCRYPT (RFC 7914) in passlib's PHC-style layout `$scrypt$ln=…,r=…,p=…$salt$hash`. */

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
import { decodeAb64, encodeBase64 } from '../encoding.js';
import { assertCost, type HashLimits } from '../limits.js';
import type { HashParams } from '../types.js';
import { assertWorkBudget } from '../work-budget.js';

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17 (128 MiB), r=8, p=1. */
const DEFAULTS = { ln: 17, r: 8, p: 1 } as const;

function checkScryptLimits(params: { ln: number; r: number; p: number }, limits: HashLimits): void {
  assertCost(
    'scrypt memory (bytes, 128·N·r·p)',
    128 * 2 ** params.ln * params.r * params.p,
    limits.maxScryptMemoryBytes,
  );
  assertWorkBudget('scrypt N·r·p', 'scrypt', 2 ** params.ln * params.r * params.p, limits);
}

/**
 * Parses `$scrypt$ln=16,r=8,p=1$salt$hash` (passlib; base64 without padding — `.` for `+` is
 * accepted too).
 *
 * @example
 * ```ts
 * parseScrypt('$scrypt$ln=16,r=8,p=1$…$…').params; // { ln: 16, r: 8, p: 1 }
 * ```
 */
export function parseScrypt(stored: string): ParsedHash {
  const match = /^\$scrypt\$ln=([0-9]+),r=([0-9]+),p=([0-9]+)\$([A-Za-z0-9+/.]*)\$([A-Za-z0-9+/.]+)$/.exec(
    stored,
  );
  if (!match) throw malformedHash('not a $scrypt$ string');
  const ln = parseDecimal(match[1] as string, 'scrypt ln');
  const r = parseDecimal(match[2] as string, 'scrypt r');
  const p = parseDecimal(match[3] as string, 'scrypt p');
  if (ln < 1 || ln > 63 || r < 1 || p < 1 || r * p >= 2 ** 30)
    throw malformedHash('scrypt parameters out of range');
  const salt = decodeAb64(match[4] as string);
  const hash = decodeAb64(match[5] as string);
  if (hash.length < 1) throw malformedHash('scrypt hash is empty');
  return {
    scheme: 'SCRYPT',
    params: { ln, r, p },
    writable: true,
    checkLimits: (limits) => checkScryptLimits({ ln, r, p }, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await ctx.engine.scrypt(password, salt, { N: 2 ** ln, r, p, dkLen: hash.length });
      return timingSafeEqual(computed, hash);
    },
  };
}

/**
 * SCRYPT writer (bare `$scrypt$…`; Dovecot has no scrypt). Defaults ln=17, r=8, p=1 — OWASP's
 * scrypt figure (N=2^17). 16-byte salt, 32-byte hash, as passlib writes.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SCRYPT', params: { ln: 16, r: 8, p: 1 } });
 * ```
 */
export const scryptWriter: SchemeWriter = {
  scheme: 'SCRYPT',
  dovecot: false,
  selfDescribing: true,
  encodable: false,
  defaults: DEFAULTS,
  resolveParams(params: HashParams): HashParams {
    return resolveIntParams('SCRYPT', params, {
      ln: [DEFAULTS.ln, 1, 63],
      r: [DEFAULTS.r, 1, 1024],
      p: [DEFAULTS.p, 1, 1024],
    });
  },
  async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
    const ln = params.ln ?? DEFAULTS.ln;
    const r = params.r ?? DEFAULTS.r;
    const p = params.p ?? DEFAULTS.p;
    checkScryptLimits({ ln, r, p }, ctx.limits);
    const salt = randomSalt(ctx, 16);
    const hash = await ctx.engine.scrypt(password, salt, { N: 2 ** ln, r, p, dkLen: 32 });
    return `$scrypt$ln=${ln},r=${r},p=${p}$${encodeBase64(salt, false)}$${encodeBase64(hash, false)}`;
  },
};
