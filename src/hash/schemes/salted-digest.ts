/** @module Salted digests `base64(digest ‖ salt)`: SSHA, SSHA256, SSHA512 (write) and SMD5 (verify only). */

import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import {
  type BodyParser,
  malformedHash,
  noCost,
  type ParsedHash,
  randomSalt,
  resolveIntParams,
  type SchemeWriter,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import type { HashParams } from '../types.js';
import { decodeDigestBody, encodeDigestBody } from './dovecot-encoding.js';

interface SaltedSpec {
  readonly hash: (data: Uint8Array) => Uint8Array;
  readonly length: number;
  readonly writable: boolean;
}

const SPECS: Readonly<Record<string, SaltedSpec>> = {
  SSHA: { hash: sha1, length: 20, writable: true },
  SSHA256: { hash: sha256, length: 32, writable: true },
  SSHA512: { hash: sha512, length: 64, writable: true },
  SMD5: { hash: md5, length: 16, writable: false },
};

/** Salt length written here: 16 bytes (Dovecot writes 4 and reads any length). */
const SALT_LENGTH = 16;

function digestOf(spec: SaltedSpec, password: Uint8Array, salt: Uint8Array): Uint8Array {
  const data = new Uint8Array(password.length + salt.length);
  data.set(password);
  data.set(salt, password.length);
  return spec.hash(data);
}

/**
 * Parses a salted digest body: digest followed by at least one salt byte (Dovecot's rule).
 *
 * @example
 * ```ts
 * parseSaltedDigest('SSHA512', body, undefined).scheme; // 'SSHA512'
 * ```
 */
export function parseSaltedDigest(
  scheme: string,
  body: string,
  encoding: 'hex' | 'base64' | undefined,
): ParsedHash {
  const spec = SPECS[scheme] as SaltedSpec;
  const decoded = decodeDigestBody(body, encoding, 0, 'base64');
  if (decoded.raw.length <= spec.length) throw malformedHash(`${scheme} value too short to hold a salt`);
  const digest = decoded.raw.subarray(0, spec.length);
  const salt = decoded.raw.subarray(spec.length);
  return {
    scheme,
    params: {},
    writable: spec.writable,
    encoding: decoded.encoding,
    checkLimits: noCost,
    async verify(password: Uint8Array): Promise<boolean> {
      return timingSafeEqual(digestOf(spec, password, salt), digest);
    },
  };
}

/**
 * Dovecot body parsers for the salted digests.
 *
 * @example
 * ```ts
 * saltedDigestParsers.SSHA?.(body, undefined);
 * ```
 */
export const saltedDigestParsers: Readonly<Record<string, BodyParser>> = Object.fromEntries(
  Object.keys(SPECS).map((scheme) => [
    scheme,
    (body: string, encoding) => parseSaltedDigest(scheme, body, encoding),
  ]),
) as Record<string, BodyParser>;

/**
 * Writers for SSHA, SSHA256, SSHA512 (LDAP's `{SSHA512}` layout): one fast salted digest, no cost
 * parameter — fine for compatibility, weak against offline guessing; prefer ARGON2ID. 16-byte salt.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SSHA512' });
 * ```
 */
export const saltedDigestWriters: readonly SchemeWriter[] = Object.entries(SPECS)
  .filter(([, spec]) => spec.writable)
  .map(
    ([scheme, spec]): SchemeWriter => ({
      scheme,
      dovecot: true,
      selfDescribing: false,
      encodable: true,
      defaults: {},
      resolveParams: (params: HashParams) => resolveIntParams(scheme, params, {}),
      async hash(password, _params, ctx) {
        const salt = randomSalt(ctx, SALT_LENGTH);
        const raw = new Uint8Array(spec.length + SALT_LENGTH);
        raw.set(digestOf(spec, password, salt));
        raw.set(salt, spec.length);
        return encodeDigestBody(raw, ctx.encoding ?? 'base64');
      },
    }),
  );
