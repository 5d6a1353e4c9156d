import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectEngine } from '../../../src/hash/engines/node-direct.js';
import { referenceEngine } from '../../../src/hash/engines/reference.js';
import type { KdfEngine } from '../../../src/hash/kdf-engine.js';

const fast = createDirectEngine({ fallback: async () => referenceEngine });
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const runs = { numRuns: 25 };

describe('direct Node engine gives the reference engine’s bytes', () => {
  it('uses the installed accelerators', async () => {
    expect(await fast.backends()).toEqual({
      argon2: '@node-rs/argon2',
      bcrypt: 'hash-wasm',
      shaCrypt: 'webassembly',
      pbkdf2: 'node:crypto',
      scrypt: 'node:crypto',
    });
  });

  it('SHA-crypt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('sha256' as const, 'sha512' as const),
        bytes(0, 300),
        bytes(0, 16),
        fc.integer({ min: 1, max: 120 }),
        async (algorithm, password, salt, rounds) => {
          expect(await fast.shaCrypt(algorithm, password, salt, rounds)).toEqual(
            await referenceEngine.shaCrypt(algorithm, password, salt, rounds),
          );
        },
      ),
      runs,
    );
  });

  it('Argon2 (every type and version)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('argon2id' as const, 'argon2i' as const, 'argon2d' as const),
        fc.constantFrom(0x13 as const, 0x10 as const),
        bytes(0, 80),
        bytes(8, 32),
        fc.record({ p: fc.integer({ min: 1, max: 3 }), t: fc.integer({ min: 1, max: 3 }) }),
        fc.integer({ min: 4, max: 64 }),
        async (type, version, password, salt, { p, t }, dkLen) => {
          const params = { type, version, m: 8 * p + 8, t, p, dkLen };
          expect(await fast.argon2(password, salt, params)).toEqual(
            await referenceEngine.argon2(password, salt, params),
          );
        },
      ),
      runs,
    );
  });

  it('bcrypt, for NUL-terminated keys and full 72-byte keys', async () => {
    const key = fc.oneof(
      bytes(0, 71).map((pw) => Uint8Array.of(...pw, 0)),
      bytes(72, 72),
    );
    await fc.assert(
      fc.asyncProperty(key, bytes(16, 16), fc.integer({ min: 4, max: 5 }), async (k, salt, cost) => {
        expect(await fast.bcrypt(k, salt, cost)).toEqual(await referenceEngine.bcrypt(k, salt, cost));
      }),
      { numRuns: 15 },
    );
  });

  it('bcrypt for keys hash-wasm cannot express (the empty password; no trailing NUL; a 0xFF byte) falls back', async () => {
    const salt = new Uint8Array(16).fill(9);
    // …and keys where hash-wasm applies crypt_blowfish's $2a$ countermeasure (0xFF then a high byte).
    for (const key of [
      Uint8Array.of(0),
      Uint8Array.of(1, 2, 3),
      Uint8Array.of(255, 128, 0, 0),
      Uint8Array.of(255, 200, 0),
    ]) {
      expect(await fast.bcrypt(key, salt, 4)).toEqual(await referenceEngine.bcrypt(key, salt, 4));
    }
  });

  it('PBKDF2', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('sha1' as const, 'sha256' as const, 'sha512' as const),
        bytes(0, 200),
        bytes(0, 64),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 150 }),
        async (digest, password, salt, iterations, dkLen) => {
          expect(await fast.pbkdf2(digest, password, salt, iterations, dkLen)).toEqual(
            await referenceEngine.pbkdf2(digest, password, salt, iterations, dkLen),
          );
        },
      ),
      runs,
    );
  });

  it('scrypt', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytes(0, 64),
        bytes(0, 32),
        fc.record({
          N: fc.constantFrom(2, 4, 16, 64, 256),
          r: fc.integer({ min: 1, max: 8 }),
          p: fc.integer({ min: 1, max: 3 }),
          dkLen: fc.integer({ min: 1, max: 96 }),
        }),
        async (password, salt, params) => {
          expect(await fast.scrypt(password, salt, params)).toEqual(
            await referenceEngine.scrypt(password, salt, params),
          );
        },
      ),
      runs,
    );
  });
});

describe('direct Node engine at the edges of node:crypto', () => {
  const outcome = (work: Promise<Uint8Array>) =>
    work.then(
      (bytes) => ({ bytes: Buffer.from(bytes).toString('hex') }),
      (error: unknown) => ({ error: (error as Error).message }),
    );

  it('scrypt parameters OpenSSL refuses (N ≥ 2^(16·r), N = 1, dkLen 0) get the reference answer', async () => {
    const cases = [
      { N: 2 ** 16, r: 1, p: 1, dkLen: 16 },
      { N: 1, r: 1, p: 1, dkLen: 16 },
      { N: 16, r: 1, p: 1, dkLen: 0 },
    ];
    for (const params of cases) {
      expect(await outcome(fast.scrypt(Uint8Array.of(1), Uint8Array.of(2), params))).toEqual(
        await outcome(referenceEngine.scrypt(Uint8Array.of(1), Uint8Array.of(2), params)),
      );
    }
  });

  it('PBKDF2 with zero iterations or zero length gets the reference answer', async () => {
    for (const [iterations, dkLen] of [
      [0, 16],
      [1, 0],
    ] as const) {
      expect(
        await outcome(fast.pbkdf2('sha256', Uint8Array.of(1), Uint8Array.of(2), iterations, dkLen)),
      ).toEqual(
        await outcome(
          referenceEngine.pbkdf2('sha256', Uint8Array.of(1), Uint8Array.of(2), iterations, dkLen),
        ),
      );
    }
  });
});

describe('direct Node engine without its optional accelerators', () => {
  const calls: string[] = [];
  const recording: KdfEngine = {
    ...referenceEngine,
    argon2: (...args) => {
      calls.push('argon2');
      return referenceEngine.argon2(...args);
    },
    bcrypt: (...args) => {
      calls.push('bcrypt');
      return referenceEngine.bcrypt(...args);
    },
  };
  const missing = createDirectEngine({
    fallback: async () => recording,
    importAccelerator: (name) => Promise.reject(new Error(`Cannot find package '${name}'`)),
  });

  it('reports the fallback and computes Argon2 and bcrypt with it', async () => {
    expect(await missing.backends()).toMatchObject({ argon2: 'reference', bcrypt: 'reference' });
    const salt = new Uint8Array(16).fill(3);
    const pw = Uint8Array.of(112, 119, 0);
    const params = { type: 'argon2id', version: 0x13, m: 16, t: 1, p: 1, dkLen: 32 } as const;
    expect(await missing.argon2(pw, salt, params)).toEqual(await fast.argon2(pw, salt, params));
    expect(await missing.bcrypt(pw, salt, 4)).toEqual(await fast.bcrypt(pw, salt, 4));
    expect(calls).toEqual(['argon2', 'bcrypt']);
  });

  it('treats a module without the expected export as missing', async () => {
    const wrong = createDirectEngine({
      fallback: async () => referenceEngine,
      importAccelerator: async () => ({}),
    });
    expect(await wrong.backends()).toMatchObject({ argon2: 'reference', bcrypt: 'reference' });
  });
});
