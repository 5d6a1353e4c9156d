/** @module MD5-CRYPT (`$1$`, Poul-Henning Kamp's FreeBSD md5crypt) and Apache's `$apr1$` variant — verify only. */

import { md5 } from '@noble/hashes/legacy.js';
import { malformedHash, noCost, type ParsedHash } from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { encodeCrypt64Order, isCrypt64, latin1Bytes } from '../encoding.js';

const ORDER: readonly (readonly [number, number, number])[] = [
  [0, 6, 12],
  [1, 7, 13],
  [2, 8, 14],
  [3, 9, 15],
  [4, 10, 5],
];

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * md5crypt of `password` with `salt` (at most 8 characters) and `magic` (`$1$` or `$apr1$`):
 * the full crypt string. 1000 fixed rounds; cheap enough to run inline.
 *
 * @example
 * ```ts
 * md5Crypt(utf8Bytes('pw'), 'saltsalt', '$1$'); // '$1$saltsalt$…'
 * ```
 */
export function md5Crypt(password: Uint8Array, salt: string, magic: '$1$' | '$apr1$'): string {
  const saltBytes = latin1Bytes(salt.slice(0, 8));
  const alternate = md5(concat(password, saltBytes, password));
  const parts: Uint8Array[] = [password, latin1Bytes(magic), saltBytes];
  for (let left = password.length; left > 0; left -= 16)
    parts.push(alternate.subarray(0, Math.min(16, left)));
  const zero = new Uint8Array(1);
  const first = password.subarray(0, 1);
  for (let n = password.length; n > 0; n >>>= 1) parts.push(n & 1 ? zero : first);
  let digest = md5(concat(...parts));
  for (let i = 0; i < 1000; i++) {
    const round: Uint8Array[] = [i & 1 ? password : digest];
    if (i % 3 !== 0) round.push(saltBytes);
    if (i % 7 !== 0) round.push(password);
    round.push(i & 1 ? digest : password);
    digest = md5(concat(...round));
  }
  return `${magic}${salt.slice(0, 8)}$${encodeCrypt64Order(digest, ORDER, [null, null, 11], 2)}`;
}

/**
 * Parses `$1$salt$hash` (MD5-CRYPT) or `$apr1$salt$hash` (Apache). Like Dovecot, anything after a
 * further `$` is ignored.
 *
 * @example
 * ```ts
 * parseMd5Crypt('$apr1$…').scheme; // 'APR1-MD5'
 * ```
 */
export function parseMd5Crypt(stored: string): ParsedHash {
  const match = /^(\$1\$|\$apr1\$)([^$]{0,8})\$([^$]*)(?:\$.*)?$/s.exec(stored);
  if (!match) throw malformedHash('not an MD5-crypt string');
  const magic = match[1] as '$1$' | '$apr1$';
  const salt = match[2] ?? '';
  const hash = match[3] ?? '';
  if (hash.length !== 22 || !isCrypt64(hash)) throw malformedHash('MD5-crypt digest has the wrong length');
  const expected = `${magic}${salt}$${hash}`;
  return {
    scheme: magic === '$1$' ? 'MD5-CRYPT' : 'APR1-MD5',
    params: {},
    writable: false,
    checkLimits: noCost,
    async verify(password: Uint8Array): Promise<boolean> {
      return timingSafeEqual(latin1Bytes(md5Crypt(password, salt, magic)), latin1Bytes(expected));
    },
  };
}
