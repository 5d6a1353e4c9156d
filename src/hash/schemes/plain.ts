/** @module PLAIN, CLEAR, CLEARTEXT: the password itself (optionally `.B64`/`.HEX` encoded). */

import {
  type BodyParser,
  bodyParsers,
  noCost,
  type ParsedHash,
  parameterlessWriter,
  type SchemeWriter,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeBase64Padded, decodeHex, encodeBase64, encodeHex, utf8Bytes, utf8Text } from '../encoding.js';

const NAMES = ['PLAIN', 'CLEAR', 'CLEARTEXT'] as const;

/**
 * Parses a plaintext body.
 *
 * @example
 * ```ts
 * parsePlain('PLAIN', 'secret', undefined).scheme; // 'PLAIN'
 * ```
 */
function parsePlain(scheme: string, body: string, encoding: 'hex' | 'base64' | undefined): ParsedHash {
  const raw =
    encoding === 'hex' ? decodeHex(body) : encoding === 'base64' ? decodeBase64Padded(body) : utf8Bytes(body);
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
export const plainParsers: Readonly<Record<string, BodyParser>> = bodyParsers(NAMES, parsePlain);

/**
 * Writers for PLAIN, CLEAR, CLEARTEXT: stores the password in clear (needed for some SASL
 * mechanisms; avoid otherwise).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'PLAIN' }); // '{PLAIN}pw'
 * ```
 */
export const plainWriters: readonly SchemeWriter[] = NAMES.map((scheme) =>
  parameterlessWriter(scheme, async (password, ctx) => {
    if (ctx.encoding === 'hex') return encodeHex(password);
    if (ctx.encoding === 'base64') return encodeBase64(password);
    return utf8Text(password);
  }),
);
