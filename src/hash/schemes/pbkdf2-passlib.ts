/** @module PBKDF2-SHA1/-SHA256/-SHA512 in passlib's layouts (`$pbkdf2-sha256$rounds$salt$hash`, LDAP `{PBKDF2-SHA256}…`) and the PHC one. */

import {
  type BodyParser,
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

const PASSLIB_IDS: Readonly<Record<string, Digest>> = {
  pbkdf2: 'sha1',
  'pbkdf2-sha256': 'sha256',
  'pbkdf2-sha512': 'sha512',
};

/** passlib's layout: `$pbkdf2[-sha256|-sha512]$rounds$salt$hash`, ab64 (its `$pbkdf2$` is SHA-1). */
const PASSLIB_LAYOUT =
  /^\$(pbkdf2|pbkdf2-sha256|pbkdf2-sha512)\$([0-9]+)\$([A-Za-z0-9+/.]*)\$([A-Za-z0-9+/.]+)$/;

/** The PHC layout (@phc/pbkdf2): `$pbkdf2-sha1|-sha256|-sha512$i=rounds[,l=length]$salt$hash`, base64 unpadded. */
const PHC_LAYOUT =
  /^\$pbkdf2-(sha1|sha256|sha512)\$i=([0-9]+)(?:,l=[0-9]+)?\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]+)$/;

/**
 * A parsed PBKDF2 hash over one HMAC digest; refuses a hash longer than one digest, which would
 * multiply the work (one PBKDF2 block per digest size).
 */
function pbkdf2Parsed(
  scheme: string,
  writable: boolean,
  digest: Digest,
  roundsText: string,
  saltText: string,
  hashText: string,
): ParsedHash {
  const variant = VARIANTS[digest];
  const rounds = parseDecimal(roundsText, 'PBKDF2 rounds');
  if (rounds < 1) throw malformedHash('PBKDF2 rounds out of range');
  const salt = decodeAb64(saltText);
  const hash = decodeAb64(hashText);
  if (hash.length < 1 || hash.length > variant.size) throw malformedHash('PBKDF2 hash length out of range');
  return {
    scheme,
    params: { rounds },
    writable,
    checkLimits: (limits) => checkPbkdf2Rounds('PBKDF2 rounds', digest, rounds, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const computed = await ctx.engine.pbkdf2(digest, password, salt, rounds, hash.length);
      return timingSafeEqual(computed, hash);
    },
  };
}

/**
 * Parses passlib's `$pbkdf2[-sha256|-sha512]$rounds$salt$hash` (ab64) and the PHC layout
 * `$pbkdf2-sha1|-sha256|-sha512$i=rounds[,l=length]$salt$hash` that @phc/pbkdf2 writes. Both
 * name the scheme by digest: PBKDF2-SHA1, PBKDF2-SHA256, PBKDF2-SHA512.
 *
 * @example
 * ```ts
 * parsePbkdf2Passlib('$pbkdf2-sha256$29000$…$…').params; // { rounds: 29000 }
 * parsePbkdf2Passlib('$pbkdf2-sha1$i=1000$…$…').scheme; // 'PBKDF2-SHA1'
 * ```
 */
export function parsePbkdf2Passlib(stored: string): ParsedHash {
  const passlib = PASSLIB_LAYOUT.exec(stored);
  const phc = passlib ? null : PHC_LAYOUT.exec(stored);
  const digest = passlib ? (PASSLIB_IDS[passlib[1] as string] as Digest) : (phc?.[1] as Digest | undefined);
  const match = passlib ?? phc;
  if (!match || !digest) throw malformedHash('not a passlib or PHC PBKDF2 string');
  const [, , rounds, salt, hash] = match as unknown as [string, string, string, string, string];
  return pbkdf2Parsed(VARIANTS[digest].scheme, true, digest, rounds, salt, hash);
}

/**
 * Body parsers for passlib's LDAP PBKDF2 strings `{PBKDF2-SHA256}rounds$salt$hash` and
 * `{PBKDF2-SHA512}…` (ab64; `ldap_pbkdf2_sha256`/`_sha512`, also OpenLDAP's pw-pbkdf2 layout),
 * read as LDAP-PBKDF2-SHA256 / LDAP-PBKDF2-SHA512. Dovecot reads neither. passlib's SHA-1 variant
 * `ldap_pbkdf2_sha1` writes `{PBKDF2}rounds$…`, which is Dovecot's own `{PBKDF2}` name: Dovecot
 * refuses such a value, and so does this library.
 *
 * @example
 * ```ts
 * ldapPbkdf2Parsers['PBKDF2-SHA256']?.('1000$…$…', undefined).scheme; // 'LDAP-PBKDF2-SHA256'
 * ```
 */
export const ldapPbkdf2Parsers: Readonly<Record<string, BodyParser>> = Object.fromEntries(
  (['sha256', 'sha512'] as const).map((digest): [string, BodyParser] => {
    const scheme = VARIANTS[digest].scheme;
    return [
      scheme,
      (body, encoding) => {
        const match = /^([0-9]+)\$([A-Za-z0-9+/.]*)\$([A-Za-z0-9+/.]+)$/.exec(body);
        if (encoding !== undefined || !match) throw malformedHash(`not a {${scheme}} rounds$salt$hash value`);
        return pbkdf2Parsed(
          `LDAP-${scheme}`,
          false,
          digest,
          match[1] as string,
          match[2] as string,
          match[3] as string,
        );
      },
    ];
  }),
);

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
