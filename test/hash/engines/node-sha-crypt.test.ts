import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shaCryptNodeCryptoSync, shaCryptSync } from '../../../src/hash/engines/node-sha-crypt.js';
import { referenceEngine } from '../../../src/hash/engines/reference.js';

const algorithm = fc.constantFrom('sha256' as const, 'sha512' as const);
const bytes = (max: number) => fc.uint8Array({ maxLength: max });

describe('Node SHA-crypt gives the reference engine’s bytes', () => {
  it.each([
    ['WebAssembly', shaCryptSync],
    ['node:crypto', shaCryptNodeCryptoSync],
  ])('%s, for random passwords, salts and round counts', async (_, fast) => {
    await fc.assert(
      fc.asyncProperty(
        algorithm,
        bytes(300),
        bytes(20),
        fc.integer({ min: 0, max: 150 }),
        async (alg, pw, salt, r) => {
          expect(fast(alg, pw, salt, r)).toEqual(await referenceEngine.shaCrypt(alg, pw, salt, r));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes passwords beyond the WebAssembly buffer through node:crypto', async () => {
    const pw = new Uint8Array(4100).map((_, i) => i * 7);
    const salt = Uint8Array.of(1, 2, 3);
    const expected = await referenceEngine.shaCrypt('sha512', pw, salt, 20);
    expect(shaCryptSync('sha512', pw, salt, 20)).toEqual(expected);
  });

  it('is unaffected by the previous call’s longer password', async () => {
    const salt = new Uint8Array(16).fill(65);
    shaCryptSync('sha256', new Uint8Array(500).fill(9), salt, 10);
    const short = Uint8Array.of(1);
    expect(shaCryptSync('sha256', short, salt, 10)).toEqual(
      await referenceEngine.shaCrypt('sha256', short, salt, 10),
    );
  });
});
