import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import type { HashParams } from '../../src/hash/index.js';
import { hashPassword, identifyHash, verifyPassword } from '../../src/hash/index.js';

const USER = 'joe@example.com';
const encoder = new TextEncoder();

/** Every writable scheme with cheap costs (Argon2 tiny: the reference engine is pure JS). */
const WRITABLE: readonly [string, HashParams][] = [
  ['ARGON2ID', { m: 8, t: 1, p: 1 }],
  ['ARGON2I', { m: 16, t: 1, p: 2 }],
  ['BLF-CRYPT', { cost: 4 }],
  ['SHA512-CRYPT', { rounds: 1000 }],
  ['SHA256-CRYPT', { rounds: 1000 }],
  ['SSHA512', {}],
  ['SSHA256', {}],
  ['SSHA', {}],
  ['SHA512', {}],
  ['SHA256', {}],
  ['SHA', {}],
  ['SHA1', {}],
  ['SHA256.HEX', {}],
  ['PBKDF2', { rounds: 2 }],
  ['SCRAM-SHA-256', { rounds: 4096 }],
  ['SCRAM-SHA-1', { rounds: 4096 }],
  ['CRAM-MD5', {}],
  ['HMAC-MD5', {}],
  ['DIGEST-MD5', {}],
  ['PLAIN', {}],
  ['CLEAR', {}],
  ['CLEARTEXT', {}],
  ['PLAIN.B64', {}],
  ['SCRYPT', { ln: 2, r: 1, p: 1 }],
  ['PBKDF2-SHA256', { rounds: 2 }],
  ['PBKDF2-SHA512', { rounds: 2 }],
  ['PBKDF2-SHA1', { rounds: 2 }],
];

/** Passwords a login can carry: well-formed Unicode without NUL; at most 72 bytes for bcrypt. */
function passwordArb(scheme: string): fc.Arbitrary<string> {
  const max = scheme === 'BLF-CRYPT' ? 72 : 200;
  return fc
    .string({
      unit: fc.oneof(
        fc.constant('é'),
        fc.constant('e\u0301'),
        fc.constant('🔑'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 40,
    })
    .filter((s) => !s.includes('\0') && encoder.encode(s).length <= max);
}

const RUNS = { numRuns: 8 };

describe.each(WRITABLE)('%s', (scheme, params) => {
  const options = { scheme, params, user: USER };

  it('verifies what it hashed, and a different password never verifies', async () => {
    await fc.assert(
      fc.asyncProperty(passwordArb(scheme), passwordArb(scheme), async (password, other) => {
        const stored = await hashPassword(password, options);
        expect(await verifyPassword(password, stored, { user: USER })).toBe(true);
        if (other !== password) expect(await verifyPassword(other, stored, { user: USER })).toBe(false);
      }),
      RUNS,
    );
  });

  it('identifies its own output with the scheme and params it was asked for', async () => {
    await fc.assert(
      fc.asyncProperty(passwordArb(scheme), async (password) => {
        const info = identifyHash(await hashPassword(password, options));
        expect(info.scheme).toBe(scheme.split('.')[0]);
        expect(info.params).toMatchObject(params);
      }),
      { numRuns: 3 },
    );
  });

  it('never verifies a hash with one character changed, and only fails with coded errors', async () => {
    const stored = await hashPassword('Correct-Horse-9', options);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: stored.length - 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        async (at, ch) => {
          const original = stored[at] as string;
          // A case flip may spell the same bytes in hex (and scheme names are case-insensitive).
          fc.pre(ch.toLowerCase() !== original.toLowerCase());
          const mutated = `${stored.slice(0, at)}${ch}${stored.slice(at + 1)}`;
          expect(await verifyOrCode(mutated)).not.toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

const CODES = new Set([
  'malformed_hash',
  'unknown_scheme',
  'unsupported_version',
  'cost_too_high',
  'user_required',
]);

/** `true`/`false`, or the error code; any other exception fails the test. */
async function verifyOrCode(stored: string): Promise<boolean | string> {
  try {
    return await verifyPassword('Correct-Horse-9', stored, {
      user: USER,
      limits: {
        maxBcryptCost: 6,
        maxPbkdf2Iterations: 20_000,
        maxArgon2MemoryKiB: 1024,
        maxScryptMemoryBytes: 1 << 20,
        maxShaCryptRounds: 20_000,
      },
    });
  } catch (e) {
    if (e instanceof PassrotateError && CODES.has(e.code)) return e.code;
    throw e;
  }
}

describe('garbage', () => {
  it('random strings, random {SCHEME} bodies and random crypt layouts return false or a coded error', async () => {
    const prefixes = fc.constantFrom(
      '',
      '{SHA256}',
      '{SSHA512}',
      '{CRYPT}',
      '{BLF-CRYPT}$2y$',
      '{ARGON2ID}$argon2id$v=19$m=',
      '$6$rounds=',
      '$5$',
      '$1$',
      '$apr1$',
      '{PBKDF2}$1$',
      '{SCRAM-SHA-256}',
      '{CRAM-MD5}',
      '{MD5}',
      '$scrypt$ln=',
      '$pbkdf2-sha256$',
      '$bcrypt-sha256$v=2,t=2b,r=',
      'pbkdf2_sha256$',
      'argon2$argon2id$',
      'bcrypt_sha256$$2b$',
    );
    await fc.assert(
      fc.asyncProperty(prefixes, fc.string({ unit: 'binary', maxLength: 120 }), async (prefix, rest) => {
        expect(await verifyOrCode(prefix + rest)).not.toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never crashes identifyHash with anything but a coded error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          identifyHash(text);
        } catch (e) {
          expect(e instanceof PassrotateError && CODES.has(e.code)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
