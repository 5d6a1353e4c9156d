/** @module Unsalted digests: SHA/SHA1, SHA256, SHA512 (write), PLAIN-MD5, LDAP-MD5 (verify only). */

import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { type BodyParser, noCost, type ParsedHash, resolveIntParams, type SchemeWriter } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import type { HashParams } from '../types.js';
import { decodeDigestBody, encodeDigestBody } from './dovecot-encoding.js';

interface DigestSpec {
  readonly hash: (data: Uint8Array) => Uint8Array;
  readonly length: number;
  readonly defaultEncoding: 'hex' | 'base64';
  readonly writable: boolean;
}

const SPECS: Readonly<Record<string, DigestSpec>> = {
  SHA: { hash: sha1, length: 20, defaultEncoding: 'base64', writable: true },
  SHA1: { hash: sha1, length: 20, defaultEncoding: 'base64', writable: true },
  SHA256: { hash: sha256, length: 32, defaultEncoding: 'base64', writable: true },
  SHA512: { hash: sha512, length: 64, defaultEncoding: 'base64', writable: true },
  'PLAIN-MD5': { hash: md5, length: 16, defaultEncoding: 'hex', writable: false },
  'LDAP-MD5': { hash: md5, length: 16, defaultEncoding: 'base64', writable: false },
};

/**
 * Parses an unsalted digest body for `scheme` (hex or base64 chosen as Dovecot does).
 *
 * @example
 * ```ts
 * parseDigest('SHA256', 'XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg=', undefined).scheme; // 'SHA256'
 * ```
 */
export function parseDigest(
  scheme: string,
  body: string,
  encoding: 'hex' | 'base64' | undefined,
): ParsedHash {
  const spec = SPECS[scheme] as DigestSpec;
  const decoded = decodeDigestBody(body, encoding, spec.length, spec.defaultEncoding);
  return {
    scheme,
    params: {},
    writable: spec.writable,
    encoding: decoded.encoding,
    checkLimits: noCost,
    async verify(password: Uint8Array): Promise<boolean> {
      return timingSafeEqual(spec.hash(password), decoded.raw);
    },
  };
}

/**
 * Dovecot body parsers for the unsalted digests.
 *
 * @example
 * ```ts
 * digestParsers.SHA512?.(body, 'hex');
 * ```
 */
export const digestParsers: Readonly<Record<string, BodyParser>> = Object.fromEntries(
  Object.keys(SPECS).map((scheme) => [
    scheme,
    (body: string, encoding) => parseDigest(scheme, body, encoding),
  ]),
) as Record<string, BodyParser>;

/**
 * Writers for the unsalted digests SHA, SHA1, SHA256, SHA512 — legacy formats with no salt and no
 * cost, offered because LDAP and old panels use them; never choose them for new passwords.
 * Default encoding base64 (Dovecot's).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SHA256', encoding: 'hex' });
 * ```
 */
export const digestWriters: readonly SchemeWriter[] = Object.entries(SPECS)
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
        return encodeDigestBody(spec.hash(password), ctx.encoding ?? spec.defaultEncoding);
      },
    }),
  );
