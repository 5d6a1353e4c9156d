/** @module Finds the codec for a stored string or a scheme name: Dovecot `{SCHEME}`, crypt `$id$`, PHC, passlib, Django. */

import { PassrotateError } from '../errors.js';
import { type BodyParser, malformedHash, type ParsedHash, type SchemeWriter } from './codec.js';
import { decodeBase64Padded, decodeHex, utf8Text } from './encoding.js';
import { argon2idWriter, argon2iWriter, dovecotArgon2Parser, parseArgon2 } from './schemes/argon2.js';
import { bcryptWriter, parseBcrypt } from './schemes/bcrypt.js';
import { parseBcryptSha256 } from './schemes/bcrypt-sha256.js';
import { cramMd5Parsers, cramMd5Writers } from './schemes/cram-md5.js';
import { digestParsers, digestWriters, parseDigest } from './schemes/digest.js';
import { digestMd5Writer, parseDigestMd5 } from './schemes/digest-md5.js';
import { parseDjango } from './schemes/django.js';
import { parseMd5Crypt } from './schemes/md5-crypt.js';
import { parsePbkdf2Dovecot, pbkdf2DovecotWriter } from './schemes/pbkdf2-dovecot.js';
import {
  ldapPbkdf2Parsers,
  parsePbkdf2Passlib,
  pbkdf2Sha1Writer,
  pbkdf2Sha256Writer,
  pbkdf2Sha512Writer,
} from './schemes/pbkdf2-passlib.js';
import { plainParsers, plainWriters } from './schemes/plain.js';
import { saltedDigestParsers, saltedDigestWriters } from './schemes/salted-digest.js';
import { parseScram, scramSha1Writer, scramSha256Writer } from './schemes/scram.js';
import { parseScrypt, scryptWriter } from './schemes/scrypt.js';
import { parseShaCrypt, sha256CryptWriter, sha512CryptWriter } from './schemes/sha-crypt.js';
import type { HashParams } from './types.js';

function unknownScheme(): PassrotateError {
  return new PassrotateError('unknown_scheme', 'Unknown password scheme');
}

/** crypt(3)-style strings, dispatched by their `$id$` as Dovecot's `{CRYPT}` does. */
function parseCrypt(body: string): ParsedHash {
  if (body.startsWith('$5$') || body.startsWith('$6$')) return parseShaCrypt(body);
  if (body.startsWith('$2')) return parseBcrypt(body);
  if (body.startsWith('$1$')) return parseMd5Crypt(body);
  throw unknownScheme();
}

/** MD5-CRYPT under its Dovecot name: the value must be a `$1$` crypt string. */
function parseMd5CryptOnly(body: string): ParsedHash {
  if (!body.startsWith('$1$')) throw malformedHash('MD5-CRYPT value does not start with $1$');
  return parseMd5Crypt(body);
}

/**
 * Dovecot's `{MD5}`: MD5-CRYPT when it starts with `$1$`, else a PLAIN-MD5 digest. With a
 * `.HEX`/`.B64` suffix Dovecot decodes the value and reads only MD5-CRYPT (`doveadm pw -t`
 * refuses a hex or base64 MD5 digest there).
 */
function parseMd5(body: string, encoding: 'hex' | 'base64' | undefined): ParsedHash {
  if (encoding !== undefined) return textual(parseMd5CryptOnly)(body, encoding);
  if (body.startsWith('$1$')) return parseMd5Crypt(body);
  return parseDigest('PLAIN-MD5', body, undefined);
}

/** Text-bodied schemes given a `.HEX`/`.B64` suffix: Dovecot decodes the body first. */
function textual(parse: (body: string) => ParsedHash): BodyParser {
  return (body, encoding) => {
    if (encoding === undefined) return parse(body);
    return parse(utf8Text(encoding === 'hex' ? decodeHex(body) : decodeBase64Padded(body)));
  };
}

const DOVECOT_PARSERS: Readonly<Record<string, BodyParser>> = {
  ...digestParsers,
  ...saltedDigestParsers,
  ...plainParsers,
  ...cramMd5Parsers,
  'DIGEST-MD5': parseDigestMd5,
  PBKDF2: textual(parsePbkdf2Dovecot),
  'SCRAM-SHA-1': textual((body) => parseScram('SCRAM-SHA-1', body)),
  'SCRAM-SHA-256': textual((body) => parseScram('SCRAM-SHA-256', body)),
  ARGON2ID: textual(dovecotArgon2Parser('argon2id')),
  ARGON2I: textual(dovecotArgon2Parser('argon2i')),
  CRYPT: textual(parseCrypt),
  'BLF-CRYPT': textual(parseCrypt),
  'SHA256-CRYPT': textual(parseCrypt),
  'SHA512-CRYPT': textual(parseCrypt),
  'MD5-CRYPT': textual(parseMd5CryptOnly),
  MD5: parseMd5,
};

/** Bare (prefix-less) layouts, tried in order by their leading text. */
const BARE_PARSERS: readonly (readonly [RegExp, (stored: string) => ParsedHash])[] = [
  [/^\$argon2(id|i|d)\$/, parseArgon2],
  [/^\$(5|6)\$/, parseShaCrypt],
  [/^\$2[a-z]?\$/, parseBcrypt],
  [/^\$(1|apr1)\$/, parseMd5Crypt],
  [/^\$scrypt\$/, parseScrypt],
  [/^\$pbkdf2(-sha1|-sha256|-sha512)?\$/, parsePbkdf2Passlib],
  [/^\$bcrypt-sha256\$/, parseBcryptSha256],
  [/^(pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt)\$/, parseDjango],
];

/**
 * Splits a `{NAME.SUFFIX}` scheme name into its upper-case name and encoding; `undefined` when the
 * suffix is not HEX/B64/BASE64.
 *
 * @example
 * ```ts
 * splitSchemeName('sha256.hex'); // { name: 'SHA256', encoding: 'hex' }
 * ```
 */
export function splitSchemeName(
  text: string,
): { name: string; encoding: 'hex' | 'base64' | undefined } | undefined {
  const dot = text.indexOf('.');
  const name = (dot < 0 ? text : text.slice(0, dot)).toUpperCase();
  if (dot < 0) return { name, encoding: undefined };
  const suffix = text.slice(dot + 1).toUpperCase();
  if (suffix === 'HEX') return { name, encoding: 'hex' };
  if (suffix === 'B64' || suffix === 'BASE64') return { name, encoding: 'base64' };
  return undefined;
}

/**
 * Parses any stored hash this library reads, or throws `unknown_scheme` / `malformed_hash` /
 * `unsupported_version`. Does no key-derivation work.
 *
 * @example
 * ```ts
 * parseStored('{SSHA512}…').scheme; // 'SSHA512'
 * ```
 */
export function parseStored(stored: string): { parsed: ParsedHash; form: 'dovecot' | 'bare' } {
  if (typeof stored !== 'string') throw new TypeError('stored hash must be a string');
  const prefix = /^\{([^{}]*)\}/.exec(stored);
  if (prefix) {
    const split = splitSchemeName(prefix[1] as string);
    // Dovecot's names first: `{PBKDF2}` stays Dovecot's scheme whatever passlib writes under it.
    const parser = split && (DOVECOT_PARSERS[split.name] ?? ldapPbkdf2Parsers[split.name]);
    if (!split || !parser) throw unknownScheme();
    return { parsed: parser(stored.slice(prefix[0].length), split.encoding), form: 'dovecot' };
  }
  for (const [test, parse] of BARE_PARSERS) {
    if (test.test(stored)) return { parsed: parse(stored), form: 'bare' };
  }
  throw unknownScheme();
}

const WRITERS: ReadonlyMap<string, SchemeWriter> = new Map(
  [
    argon2idWriter,
    argon2iWriter,
    bcryptWriter,
    sha512CryptWriter,
    sha256CryptWriter,
    ...saltedDigestWriters,
    ...digestWriters,
    ...plainWriters,
    pbkdf2DovecotWriter,
    scramSha256Writer,
    scramSha1Writer,
    ...cramMd5Writers,
    digestMd5Writer,
    scryptWriter,
    pbkdf2Sha256Writer,
    pbkdf2Sha512Writer,
    pbkdf2Sha1Writer,
  ].map((w) => [w.scheme, w]),
);

/** Names this library reads but will not write (upper case). */
const READ_ONLY: readonly string[] = [
  'MD5-CRYPT',
  'MD5',
  'APR1-MD5',
  'SMD5',
  'PLAIN-MD5',
  'LDAP-MD5',
  'ARGON2D',
  'CRYPT',
  'BCRYPT-SHA256',
  'DJANGO-PBKDF2-SHA256',
  'DJANGO-PBKDF2-SHA1',
  'DJANGO-ARGON2',
  'DJANGO-BCRYPT-SHA256',
  'DJANGO-BCRYPT',
  'LDAP-PBKDF2-SHA256',
  'LDAP-PBKDF2-SHA512',
];

/**
 * The writer for a scheme name (upper case, no suffix); throws `scheme_not_writable` for a
 * verify-only scheme and `unknown_scheme` otherwise.
 *
 * @example
 * ```ts
 * findWriter('ARGON2ID').defaults; // { m: 19456, t: 2, p: 1 }
 * ```
 */
export function findWriter(name: string): SchemeWriter {
  const writer = WRITERS.get(name);
  if (writer) return writer;
  if (READ_ONLY.includes(name)) {
    throw new PassrotateError('scheme_not_writable', `Scheme ${name} is read for verification only`);
  }
  throw unknownScheme();
}

/**
 * What {@link listSchemes} reports about a scheme.
 *
 * @example
 * ```ts
 * const info: SchemeListing = { scheme: 'BLF-CRYPT', writable: true, dovecot: true, defaults: { cost: 10 } };
 * ```
 */
export interface SchemeListing {
  readonly scheme: string;
  /** `hashPassword` can write it (otherwise verify only). */
  readonly writable: boolean;
  /** Dovecot reads it (`{SCHEME}` form); `false` for bare-only formats such as SCRYPT. */
  readonly dovecot: boolean;
  /** Default parameters of a writable scheme (empty for schemes without a cost). */
  readonly defaults?: HashParams;
}

/**
 * Every scheme name, with whether it can be written and its default parameters.
 *
 * @example
 * ```ts
 * listSchemes().find((s) => s.scheme === 'MD5-CRYPT'); // { scheme: 'MD5-CRYPT', writable: false, dovecot: true }
 * ```
 */
export function listSchemes(): readonly SchemeListing[] {
  return [
    ...[...WRITERS.values()].map((w) => ({
      scheme: w.scheme,
      writable: true,
      dovecot: w.dovecot,
      defaults: w.defaults,
    })),
    ...READ_ONLY.map((scheme) => ({ scheme, writable: false, dovecot: !NOT_DOVECOT.includes(scheme) })),
  ];
}

/**
 * Verify-only schemes Dovecot does not read: bare passlib, Django, `$apr1$`, `$argon2d$` strings
 * and passlib's LDAP `{PBKDF2-SHA256}`/`{PBKDF2-SHA512}`.
 */
const NOT_DOVECOT: readonly string[] = [
  'APR1-MD5',
  'ARGON2D',
  'BCRYPT-SHA256',
  'DJANGO-PBKDF2-SHA256',
  'DJANGO-PBKDF2-SHA1',
  'DJANGO-ARGON2',
  'DJANGO-BCRYPT-SHA256',
  'DJANGO-BCRYPT',
  'LDAP-PBKDF2-SHA256',
  'LDAP-PBKDF2-SHA512',
];

/**
 * Canonical name for comparisons: Dovecot's aliases collapse (SHA1 → SHA, CLEAR/CLEARTEXT → PLAIN,
 * HMAC-MD5 → CRAM-MD5).
 *
 * @example
 * ```ts
 * canonicalScheme('sha1'); // 'SHA'
 * ```
 */
export function canonicalScheme(name: string): string {
  const upper = name.toUpperCase();
  const aliases: Readonly<Record<string, string>> = {
    SHA1: 'SHA',
    CLEAR: 'PLAIN',
    CLEARTEXT: 'PLAIN',
    'HMAC-MD5': 'CRAM-MD5',
  };
  return aliases[upper] ?? upper;
}
