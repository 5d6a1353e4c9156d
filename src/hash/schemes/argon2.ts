/** @module ARGON2ID and ARGON2I (RFC 9106) in the PHC string format Dovecot, libsodium and passlib share. */

import { PassrotateError } from '../../errors.js';
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
import { decodeBase64, encodeBase64 } from '../encoding.js';
import type { Argon2Params } from '../kdf-engine.js';
import { assertCost, type HashLimits } from '../limits.js';
import type { HashParams } from '../types.js';
import { assertWorkBudget } from '../work-budget.js';

type Argon2Type = Argon2Params['type'];
const SCHEMES: Record<Argon2Type, string> = { argon2id: 'ARGON2ID', argon2i: 'ARGON2I', argon2d: 'ARGON2D' };

/**
 * The parts of a PHC Argon2 string.
 *
 * @example
 * ```ts
 * const { m, t, p } = splitArgon2(stored);
 * ```
 */
export interface Argon2Parts {
  readonly type: Argon2Type;
  readonly version: 0x10 | 0x13;
  readonly m: number;
  readonly t: number;
  readonly p: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/**
 * Splits `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (base64 without padding). A missing `v=` means
 * version 16 (0x10), as in the reference implementation. Salt ≥ 8 bytes and tag ≥ 4 bytes
 * (RFC 9106 §3.1), m ≥ 8·p.
 *
 * @example
 * ```ts
 * splitArgon2('$argon2id$v=19$m=19456,t=2,p=1$…$…').m; // 19456
 * ```
 */
export function splitArgon2(stored: string): Argon2Parts {
  const match =
    /^\$(argon2id|argon2i|argon2d)\$(?:v=([0-9]+)\$)?m=([0-9]+),t=([0-9]+),p=([0-9]+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
      stored,
    );
  if (!match) throw malformedHash('not a PHC Argon2 string');
  const versionNumber = match[2] === undefined ? 0x10 : parseDecimal(match[2], 'Argon2 version');
  if (versionNumber !== 0x10 && versionNumber !== 0x13) {
    throw new PassrotateError('unsupported_version', `Argon2 version ${versionNumber} is not supported`);
  }
  const m = parseDecimal(match[3] as string, 'Argon2 m');
  const t = parseDecimal(match[4] as string, 'Argon2 t');
  const p = parseDecimal(match[5] as string, 'Argon2 p');
  const salt = decodeBase64(match[6] as string);
  const hash = decodeBase64(match[7] as string);
  if (t < 1 || p < 1 || p > 0xffffff || m < 8 * p || m > 2 ** 32 - 1)
    throw malformedHash('Argon2 parameters out of range');
  if (salt.length < 8 || hash.length < 4) throw malformedHash('Argon2 salt or tag too short');
  return { type: match[1] as Argon2Type, version: versionNumber, m, t, p, salt, hash };
}

function checkArgon2Limits(parts: { m: number; t: number; p: number }, limits: HashLimits): void {
  assertCost('Argon2 memory (KiB)', parts.m, limits.maxArgon2MemoryKiB);
  assertCost('Argon2 passes', parts.t, limits.maxArgon2Passes);
  assertCost('Argon2 lanes', parts.p, limits.maxArgon2Lanes);
  // Lanes split the same m·t blocks between them: they add threads, not work.
  assertWorkBudget('Argon2 m·t (KiB·passes)', 'argon2', parts.m * parts.t, limits);
}

/**
 * Formats a PHC Argon2 string.
 *
 * @example
 * ```ts
 * formatArgon2(parts); // '$argon2id$v=19$m=19456,t=2,p=1$…$…'
 * ```
 */
function formatArgon2(parts: Argon2Parts): string {
  const version = parts.version === 0x13 ? 'v=19$' : 'v=16$';
  return `$${parts.type}$${version}m=${parts.m},t=${parts.t},p=${parts.p}$${encodeBase64(parts.salt, false)}$${encodeBase64(parts.hash, false)}`;
}

/**
 * Verifies a password against split Argon2 parts.
 *
 * @example
 * ```ts
 * await verifyArgon2Parts(parts, utf8Bytes('pw'), ctx);
 * ```
 */
async function verifyArgon2Parts(
  parts: Argon2Parts,
  password: Uint8Array,
  ctx: CodecContext,
): Promise<boolean> {
  const computed = await ctx.engine.argon2(password, parts.salt, {
    type: parts.type,
    version: parts.version,
    m: parts.m,
    t: parts.t,
    p: parts.p,
    dkLen: parts.hash.length,
  });
  return timingSafeEqual(computed, parts.hash);
}

/**
 * Parsed Argon2 hash from split parts, under the given scheme name.
 *
 * @example
 * ```ts
 * argon2Parsed(splitArgon2(s), 'ARGON2ID');
 * ```
 */
export function argon2Parsed(parts: Argon2Parts, scheme: string, writable: boolean): ParsedHash {
  return {
    scheme,
    params: { m: parts.m, t: parts.t, p: parts.p, v: parts.version },
    writable,
    checkLimits: (limits) => checkArgon2Limits(parts, limits),
    verify: (password, ctx) => verifyArgon2Parts(parts, password, ctx),
  };
}

/**
 * Parses a bare PHC Argon2 string (`$argon2id$…`, `$argon2i$…`, `$argon2d$…`; versions 16 and 19).
 *
 * @example
 * ```ts
 * parseArgon2('$argon2id$v=19$m=19456,t=2,p=1$…$…').scheme; // 'ARGON2ID'
 * ```
 */
export function parseArgon2(stored: string): ParsedHash {
  const parts = splitArgon2(stored);
  return argon2Parsed(parts, SCHEMES[parts.type], parts.type !== 'argon2d');
}

/**
 * Parser for Dovecot's `{ARGON2ID}` / `{ARGON2I}`: the body must be that variant and version 19,
 * the only one Dovecot verifies (others get `unsupported_version`).
 *
 * @example
 * ```ts
 * dovecotArgon2Parser('argon2id')('$argon2id$v=19$…');
 * ```
 */
export function dovecotArgon2Parser(type: 'argon2id' | 'argon2i'): (body: string) => ParsedHash {
  return (body) => {
    const parts = splitArgon2(body);
    if (parts.type !== type) throw malformedHash(`{${SCHEMES[type]}} holds a different Argon2 variant`);
    if (parts.version !== 0x13) {
      throw new PassrotateError('unsupported_version', 'Dovecot verifies only Argon2 version 19');
    }
    return argon2Parsed(parts, SCHEMES[type], true);
  };
}

function writer(type: 'argon2id' | 'argon2i', defaults: { m: number; t: number; p: number }): SchemeWriter {
  const scheme = SCHEMES[type];
  return {
    scheme,
    dovecot: true,
    selfDescribing: true,
    encodable: false,
    defaults,
    resolveParams(params: HashParams): HashParams {
      const resolved = resolveIntParams(scheme, params, {
        m: [defaults.m, 8, 2 ** 32 - 1],
        t: [defaults.t, 1, 2 ** 32 - 1],
        p: [defaults.p, 1, 0xffffff],
      });
      if ((resolved.m as number) < 8 * (resolved.p as number))
        throw new PassrotateError('invalid_params', 'Argon2 m must be at least 8·p');
      return resolved;
    },
    async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
      const m = params.m ?? defaults.m;
      const t = params.t ?? defaults.t;
      const p = params.p ?? defaults.p;
      checkArgon2Limits({ m, t, p }, ctx.limits);
      const salt = randomSalt(ctx, 16);
      const hash = await ctx.engine.argon2(password, salt, { type, version: 0x13, m, t, p, dkLen: 32 });
      return formatArgon2({ type, version: 0x13, m, t, p, salt, hash });
    },
  };
}

/**
 * ARGON2ID writer. Defaults m=19456 KiB, t=2, p=1: the OWASP Password Storage Cheat Sheet's first
 * Argon2id configuration. 16-byte salt and 32-byte tag, as libsodium (and so Dovecot) writes.
 * Dovecot fails to verify m ≥ 256 MiB unless its auth service's `vsz_limit` is raised.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'ARGON2ID', params: { m: 65536, t: 3, p: 1 } });
 * ```
 */
export const argon2idWriter: SchemeWriter = writer('argon2id', { m: 19456, t: 2, p: 1 });

/**
 * ARGON2I writer. OWASP gives no Argon2i figure: m=19456 KiB as for Argon2id, t=3 because
 * libsodium's `crypto_pwhash_argon2i_OPSLIMIT_MIN` is 3, p=1. Prefer ARGON2ID (RFC 9106 §4).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'ARGON2I' });
 * ```
 */
export const argon2iWriter: SchemeWriter = writer('argon2i', { m: 19456, t: 3, p: 1 });
