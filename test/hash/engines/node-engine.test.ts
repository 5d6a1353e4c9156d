import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/hash/engines/node-engine.js';
import { referenceEngine } from '../../../src/hash/engines/reference.js';

const engine = createNodeEngine({ threads: 2 });
// One thread: on a 2-core machine the main thread keeps a core of its own during the loop test.
const pure = createNodeEngine({ threads: 1, accelerators: { argon2: false, bcrypt: false } });
afterAll(() => Promise.all([engine.close(), pure.close()]));

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
const runs = { numRuns: 15 };

describe('Node engine (worker pool) gives the reference engine’s bytes', () => {
  it('uses @node-rs/argon2 and hash-wasm inside its workers', async () => {
    expect(await engine.backends()).toMatchObject({ argon2: '@node-rs/argon2', bcrypt: 'hash-wasm' });
    expect(engine.threads).toBe(2);
  });

  it('reports the backends docs/hash-on-node.md lists', async () => {
    const doc = readFileSync(new URL('../../../docs/hash-on-node.md', import.meta.url), 'utf8');
    const listed = /```json\n(\{ "argon2".*\})\n```/.exec(doc)?.[1];
    expect(JSON.parse(listed ?? 'null')).toEqual(await engine.backends());
  });

  it('Argon2', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('argon2id' as const, 'argon2i' as const, 'argon2d' as const),
        bytes(0, 64),
        bytes(8, 24),
        fc.integer({ min: 1, max: 2 }),
        async (type, password, salt, p) => {
          const params = { type, version: 0x13, m: 8 * p + 16, t: 2, p, dkLen: 32 } as const;
          expect(await engine.argon2(password, salt, params)).toEqual(
            await referenceEngine.argon2(password, salt, params),
          );
        },
      ),
      runs,
    );
  });

  it('bcrypt, SHA-crypt, PBKDF2 and scrypt', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(0, 71), bytes(16, 16), async (pw, salt) => {
        const key = Uint8Array.of(...pw, 0);
        expect(await engine.bcrypt(key, salt, 4)).toEqual(await referenceEngine.bcrypt(key, salt, 4));
        expect(await engine.shaCrypt('sha512', pw, salt, 50)).toEqual(
          await referenceEngine.shaCrypt('sha512', pw, salt, 50),
        );
        expect(await engine.pbkdf2('sha256', pw, salt, 20, 40)).toEqual(
          await referenceEngine.pbkdf2('sha256', pw, salt, 20, 40),
        );
        const scrypt = { N: 16, r: 2, p: 1, dkLen: 32 };
        expect(await engine.scrypt(pw, salt, scrypt)).toEqual(await referenceEngine.scrypt(pw, salt, scrypt));
      }),
      runs,
    );
  });

  it("leaves the caller's buffers intact (it moves private copies to the worker)", async () => {
    const password = Uint8Array.of(1, 2, 3);
    const salt = new Uint8Array(16).fill(5);
    await engine.shaCrypt('sha256', password, salt, 10);
    expect(Array.from(password)).toEqual([1, 2, 3]);
    expect(salt.byteLength).toBe(16);
  });

  it('carries a worker-side error back with its type', async () => {
    const bad = { N: 3, r: 1, p: 1, dkLen: 16 }; // N must be a power of two
    await expect(engine.scrypt(Uint8Array.of(1), Uint8Array.of(2), bad)).rejects.toThrow();
  });
});

describe('Node engine with its accelerators switched off', () => {
  it('falls back to the reference engine, with the same bytes', async () => {
    expect(await pure.backends()).toMatchObject({ argon2: 'reference', bcrypt: 'reference' });
    const pw = Uint8Array.of(104, 105, 0);
    const salt = new Uint8Array(16).fill(1);
    const params = { type: 'argon2id', version: 0x13, m: 32, t: 2, p: 1, dkLen: 32 } as const;
    expect(await pure.argon2(pw, salt, params)).toEqual(await engine.argon2(pw, salt, params));
    expect(await pure.bcrypt(pw, salt, 4)).toEqual(await engine.bcrypt(pw, salt, 4));
  });
});

describe('Node engine keeps the event loop free', () => {
  // The pure-JS Argon2 takes ~120 ms per hash at this cost here: on the main thread, 8 of them
  // would block it for ~1 s or more; in a worker the loop stays free (600 ms: generous for a loaded CI).
  it('ticks a 10 ms interval while 8 Argon2id hashes run at once', { timeout: 60_000 }, async () => {
    const params = { type: 'argon2id', version: 0x13, m: 16384, t: 2, p: 1, dkLen: 32 } as const;
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    let last = performance.now();
    let widestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      widestGap = Math.max(widestGap, now - last);
      last = now;
    }, 10);
    await new Promise((resolve) => setTimeout(resolve, 30)); // let the histogram take its first samples
    const salt = new Uint8Array(16).fill(7);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pure.argon2(Uint8Array.of(i), salt, params)),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    histogram.disable();
    clearInterval(timer);
    expect(new Set(results.map((r) => Buffer.from(r).toString('hex'))).size).toBe(8);
    expect(histogram.max / 1e6).toBeLessThan(600);
    expect(widestGap).toBeLessThan(600);
  });
});

describe('Node engine threads', { timeout: 60_000 }, () => {
  it('never keep the process alive when idle', async () => {
    const script = fileURLToPath(new URL('./fixtures/hash-and-leave.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 50_000,
    });
    const expected = await referenceEngine.pbkdf2('sha256', Uint8Array.of(1), Uint8Array.of(2), 10, 8);
    expect(stdout.trim()).toBe(Buffer.from(expected).toString('hex'));
  });
});
