import { describe, expect, it } from 'vitest';
import type { HashParams } from '../../src/hash/index.js';
import { hashPassword } from '../../src/hash/index.js';
import { PASSWORD_MATRIX, wrongPassword } from './support/password-matrix.js';
import { doveadmAccepts, hasDoveadm, hasPasslib, mapLimit, runPythonJson } from './support/tools.js';

const USER = 'joe@example.com';
/** A cross-section of the matrix: every special, spaces, NFC/NFD, emoji, 72 bytes, empty. */
const PASSWORDS = PASSWORD_MATRIX.filter((p) =>
  ['ascii', 'all-specials', 'edge-spaces', 'nfc', 'nfd', 'emoji', 'bytes-72', 'empty'].includes(p.name),
).map((p) => p.password);

/** Every writable Dovecot scheme with cheap costs, checked over the whole cross-section. */
const DOVECOT_SCHEMES: readonly [string, HashParams][] = [
  ['ARGON2ID', { m: 64, t: 1, p: 1 }],
  ['ARGON2ID', { m: 256, t: 2, p: 2 }],
  ['ARGON2I', { m: 64, t: 3, p: 1 }],
  ['BLF-CRYPT', { cost: 4 }],
  ['SHA512-CRYPT', { rounds: 1000 }],
  ['SHA512-CRYPT', {}],
  ['SHA256-CRYPT', { rounds: 1000 }],
  ['SSHA512', {}],
  ['SSHA256', {}],
  ['SSHA', {}],
  ['SHA512', {}],
  ['SHA256', {}],
  ['SHA', {}],
  ['PBKDF2', { rounds: 1000 }],
  ['SCRAM-SHA-256', {}],
  ['SCRAM-SHA-1', {}],
  ['CRAM-MD5', {}],
  ['DIGEST-MD5', {}],
  ['PLAIN', {}],
];

/** Aliases and encoding variants: same code paths, so two passwords each. */
const VARIANT_SCHEMES: readonly [string, HashParams][] = [
  ['SSHA512.HEX', {}],
  ['SHA256.HEX', {}],
  ['SHA1', {}],
  ['HMAC-MD5', {}],
  ['CRAM-MD5.B64', {}],
  ['PLAIN.B64', {}],
  ['CLEAR', {}],
  ['CLEARTEXT', {}],
];

/** Crypt-format schemes also checked as `{CRYPT}` + the bare string (Dovecot dispatches by `$id$`). */
const CRYPT_SCHEMES: readonly [string, HashParams][] = [
  ['BLF-CRYPT', { cost: 4 }],
  ['SHA512-CRYPT', { rounds: 1000 }],
  ['SHA256-CRYPT', { rounds: 1000 }],
];

interface Case {
  readonly stored: string;
  readonly password: string;
  /** The first case of its scheme variant: also checked with a wrong password. */
  readonly first: boolean;
}

async function makeCases(
  schemes: readonly [string, HashParams][],
  passwords: readonly string[],
  prefix?: string,
): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [scheme, params] of schemes) {
    for (const password of passwords) {
      const bare = prefix !== undefined;
      const stored = await hashPassword(password, { scheme, params, user: USER, bare });
      cases.push({
        stored: bare ? `${prefix}${stored}` : stored,
        password,
        first: password === passwords[0],
      });
    }
  }
  return cases;
}

describe.skipIf(!hasDoveadm)('doveadm pw -t accepts our hashes (live)', () => {
  it('every writable Dovecot scheme, right password accepted and wrong password refused', async () => {
    const two = PASSWORDS.filter((_, i) => i === 1 || i === 5); // all specials; emoji
    const cases = [
      ...(await makeCases(DOVECOT_SCHEMES, PASSWORDS)),
      ...(await makeCases(VARIANT_SCHEMES, two)),
      ...(await makeCases(CRYPT_SCHEMES, two, '{CRYPT}')),
    ];
    expect(cases).toHaveLength(
      DOVECOT_SCHEMES.length * PASSWORDS.length +
        (VARIANT_SCHEMES.length + CRYPT_SCHEMES.length) * two.length,
    );
    const accepted = await mapLimit(cases, 4, (c) => doveadmAccepts(c.stored, c.password, USER));
    expect(cases.filter((_, i) => !accepted[i]).map((c) => c.stored)).toEqual([]);
    // One wrong password per scheme variant.
    const negatives = cases.filter(
      (c, i) => i === 0 || cases[i - 1]?.stored.slice(0, 12) !== c.stored.slice(0, 12),
    );
    const wronglyAccepted = await mapLimit(negatives, 4, (c) =>
      doveadmAccepts(c.stored, wrongPassword(c.password), USER),
    );
    expect(negatives.filter((_, i) => wronglyAccepted[i]).map((c) => c.stored)).toEqual([]);
  }, 120_000);
});

/** Verifies with passlib's handler for the scheme, and with libxcrypt (crypt.crypt) for crypt strings. */
const PASSLIB_VERIFY = `
import json, sys, warnings
warnings.filterwarnings("ignore")
import crypt
from passlib import hash as h
handlers = {
  "SHA512-CRYPT": h.sha512_crypt, "SHA256-CRYPT": h.sha256_crypt, "BLF-CRYPT": h.bcrypt,
  "ARGON2ID": h.argon2, "ARGON2I": h.argon2, "SCRYPT": h.scrypt,
  "PBKDF2-SHA1": h.pbkdf2_sha1, "PBKDF2-SHA256": h.pbkdf2_sha256, "PBKDF2-SHA512": h.pbkdf2_sha512,
  "SSHA": h.ldap_salted_sha1, "SSHA256": h.ldap_salted_sha256, "SSHA512": h.ldap_salted_sha512, "SHA": h.ldap_sha1,
}
out = []
for c in json.load(sys.stdin):
  handler = handlers[c["scheme"]]
  ok = handler.verify(c["password"], c["stored"]) and not handler.verify(c["wrong"], c["stored"])
  if c["stored"].startswith(("$5$", "$6$", "$2")):
    ok = ok and crypt.crypt(c["password"], c["stored"]) == c["stored"]
  out.append(ok)
print(json.dumps(out))
`;

const PASSLIB_SCHEMES: readonly [string, HashParams, boolean][] = [
  ['SHA512-CRYPT', { rounds: 1000 }, true],
  ['SHA256-CRYPT', { rounds: 1000 }, true],
  ['BLF-CRYPT', { cost: 4 }, true],
  ['ARGON2ID', { m: 64, t: 1, p: 1 }, true],
  ['ARGON2I', { m: 64, t: 3, p: 2 }, true],
  ['SCRYPT', { ln: 4, r: 8, p: 1 }, true],
  ['PBKDF2-SHA1', { rounds: 1000 }, true],
  ['PBKDF2-SHA256', { rounds: 1000 }, true],
  ['PBKDF2-SHA512', { rounds: 1000 }, true],
  ['SSHA', {}, false],
  ['SSHA256', {}, false],
  ['SSHA512', {}, false],
  ['SHA', {}, false],
];

describe.skipIf(!hasPasslib)('passlib and libxcrypt verify our hashes (live)', () => {
  it('every scheme passlib knows, right password accepted and wrong password refused', async () => {
    const cases: { scheme: string; password: string; wrong: string; stored: string }[] = [];
    for (const [scheme, params, bare] of PASSLIB_SCHEMES) {
      for (const password of PASSWORDS) {
        const stored = await hashPassword(password, { scheme, params, bare });
        cases.push({ scheme, password, wrong: wrongPassword(password), stored });
      }
    }
    const results = runPythonJson<boolean[]>(PASSLIB_VERIFY, cases);
    expect(cases.filter((_, i) => !results[i]).map((c) => c.stored)).toEqual([]);
  }, 120_000);
});
