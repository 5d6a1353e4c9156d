/** @module PLAIN, CLEAR, CLEARTEXT: the password itself (optionally `.B64`/`.HEX` encoded). */

import { type BodyParser, noCost, type ParsedHash, resolveIntParams, type SchemeWriter } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeBase64, decodeHex, encodeBase64, encodeHex, utf8Bytes, utf8Text } from '../encoding.js';
import type { HashParams } from '../types.js';

const NAMES = ['PLAIN', 'CLEAR', 'CLEARTEXT'] as const;

/**
 * Parses a plaintext body.
 *
 * @example
 * ```ts
 * parsePlain('PLAIN', 'secret', undefined).scheme; // 'PLAIN'
 * ```
 */
export function parsePlain(scheme: string, body: string, encoding: 'hex' | 'base64' | undefined): ParsedHash {
  const raw =
    encoding === 'hex' ? decodeHex(body) : encoding === 'base64' ? decodeBase64(body) : utf8Bytes(body);
  return {
    scheme,
    params: {},
    writable: true,
    ...(encoding === undefined ? {} : { encoding }),
    checkLimits: noCost,
    async verify(password: Uint8Array): Promise<boolean> {
      return timingSafeEqual(password, raw);
    },
  };
}

/**
 * Dovecot body parsers for plaintext.
 *
 * @example
 * ```ts
 * plainParsers.CLEARTEXT?.('secret', undefined);
 * ```
 */
export const plainParsers: Readonly<Record<string, BodyParser>> = Object.fromEntries(
  NAMES.map((scheme) => [scheme, (body: string, encoding) => parsePlain(scheme, body, encoding)]),
) as Record<string, BodyParser>;

/**
 * Writers for PLAIN, CLEAR, CLEARTEXT: stores the password in clear (needed for some SASL
 * mechanisms; avoid otherwise).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PLAIN' }); // '{PLAIN}pw'
 * ```
 */
export const plainWriters: readonly SchemeWriter[] = NAMES.map(
  (scheme): SchemeWriter => ({
    scheme,
    dovecot: true,
    selfDescribing: false,
    encodable: true,
    defaults: {},
    resolveParams: (params: HashParams) => resolveIntParams(scheme, params, {}),
    async hash(password, _params, ctx) {
      if (ctx.encoding === 'hex') return encodeHex(password);
      if (ctx.encoding === 'base64') return encodeBase64(password);
      return utf8Text(password);
    },
  }),
);
