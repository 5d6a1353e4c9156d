/** @module DIGEST-MD5: MD5("user:realm:password") salted by the account name (RFC 2831), as Dovecot stores it. */

import { md5 } from '@noble/hashes/legacy.js';
import { PassrotateError } from '../../errors.js';
import { noCost, type ParsedHash, resolveIntParams, type SchemeWriter } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { utf8Bytes } from '../encoding.js';
import type { HashParams } from '../types.js';
import { decodeDigestBody, encodeDigestBody } from './dovecot-encoding.js';

function requireUser(user: string | undefined): string {
  if (user === undefined)
    throw new PassrotateError('user_required', 'DIGEST-MD5 needs the user name (user@realm)');
  return user;
}

/**
 * MD5 of `user:realm:password`, where `user@realm` splits at the last `@` (no `@`: empty realm).
 *
 * @example
 * ```ts
 * digestMd5(utf8Bytes('pw'), 'joe@example.com');
 * ```
 */
export function digestMd5(password: Uint8Array, account: string): Uint8Array {
  const at = account.lastIndexOf('@');
  const user = at < 0 ? account : account.slice(0, at);
  const realm = at < 0 ? '' : account.slice(at + 1);
  const prefix = utf8Bytes(`${user}:${realm}:`);
  const data = new Uint8Array(prefix.length + password.length);
  data.set(prefix);
  data.set(password, prefix.length);
  return md5(data);
}

/**
 * Parses a DIGEST-MD5 body (hex by default); verifying needs the `user` option.
 *
 * @example
 * ```ts
 * parseDigestMd5('52fc4691…', undefined).scheme; // 'DIGEST-MD5'
 * ```
 */
export function parseDigestMd5(body: string, encoding: 'hex' | 'base64' | undefined): ParsedHash {
  const decoded = decodeDigestBody(body, encoding, 16, 'hex');
  return {
    scheme: 'DIGEST-MD5',
    params: {},
    writable: true,
    encoding: decoded.encoding,
    checkLimits: noCost,
    async verify(password, ctx): Promise<boolean> {
      return timingSafeEqual(digestMd5(password, requireUser(ctx.user)), decoded.raw);
    },
  };
}

/**
 * DIGEST-MD5 writer; needs the `user` option (`user@realm`). Password-equivalent for DIGEST-MD5
 * logins — a legacy mechanism; use only where a client still needs it.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'DIGEST-MD5', user: 'joe@example.com' });
 * ```
 */
export const digestMd5Writer: SchemeWriter = {
  scheme: 'DIGEST-MD5',
  dovecot: true,
  selfDescribing: false,
  encodable: true,
  defaults: {},
  resolveParams: (params: HashParams) => resolveIntParams('DIGEST-MD5', params, {}),
  async hash(password, _params, ctx) {
    return encodeDigestBody(digestMd5(password, requireUser(ctx.user)), ctx.encoding ?? 'hex');
  },
};
