/** @module CRAM-MD5 / HMAC-MD5: the HMAC-MD5 inner and outer MD5 states Dovecot stores (RFC 2195, RFC 2104). */

import { _MD5, md5 } from '@noble/hashes/legacy.js';
import { type BodyParser, noCost, type ParsedHash, resolveIntParams, type SchemeWriter } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import type { HashParams } from '../types.js';
import { decodeDigestBody, encodeDigestBody } from './dovecot-encoding.js';

/** MD5 that exposes its chaining state (A, B, C, D) after whole blocks. */
class StateMd5 extends _MD5 {
  state(): number[] {
    return this.get();
  }
}

function stateAfter(block: Uint8Array): number[] {
  const h = new StateMd5();
  h.update(block);
  return h.state();
}

/**
 * The 32-byte CRAM-MD5 context: HMAC-MD5 keyed by the password (keys over 64 bytes are MD5-ed
 * first), MD5 state after the one opad block, then after the one ipad block, each state word
 * little-endian — what Dovecot's `hmac_md5_get_cram_context` writes.
 *
 * @example
 * ```ts
 * cramMd5Context(utf8Bytes('test')).length; // 32
 * ```
 */
export function cramMd5Context(password: Uint8Array): Uint8Array {
  const key = new Uint8Array(64);
  key.set(password.length > 64 ? md5(password) : password);
  const inner = key.map((b) => b ^ 0x36);
  const outer = key.map((b) => b ^ 0x5c);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  [...stateAfter(outer), ...stateAfter(inner)].forEach((word, i) => {
    view.setUint32(i * 4, word >>> 0, true);
  });
  return out;
}

function parse(scheme: string): BodyParser {
  return (body, encoding): ParsedHash => {
    const decoded = decodeDigestBody(body, encoding, 32, 'hex');
    return {
      scheme,
      params: {},
      writable: true,
      encoding: decoded.encoding,
      checkLimits: noCost,
      async verify(password: Uint8Array): Promise<boolean> {
        return timingSafeEqual(cramMd5Context(password), decoded.raw);
      },
    };
  };
}

/**
 * Dovecot body parsers for CRAM-MD5 and its alias HMAC-MD5.
 *
 * @example
 * ```ts
 * cramMd5Parsers['CRAM-MD5']?.('e02d374f…', undefined);
 * ```
 */
export const cramMd5Parsers: Readonly<Record<string, BodyParser>> = {
  'CRAM-MD5': parse('CRAM-MD5'),
  'HMAC-MD5': parse('HMAC-MD5'),
};

/**
 * CRAM-MD5 / HMAC-MD5 writers (hex by default). The stored value is password-equivalent for
 * CRAM-MD5 logins: use it only where that SASL mechanism is required.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'CRAM-MD5' });
 * ```
 */
export const cramMd5Writers: readonly SchemeWriter[] = ['CRAM-MD5', 'HMAC-MD5'].map(
  (scheme): SchemeWriter => ({
    scheme,
    dovecot: true,
    selfDescribing: false,
    encodable: true,
    defaults: {},
    resolveParams: (params: HashParams) => resolveIntParams(scheme, params, {}),
    async hash(password, _params, ctx) {
      return encodeDigestBody(cramMd5Context(password), ctx.encoding ?? 'hex');
    },
  }),
);
