import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import {
  createHasher,
  DEFAULT_LIMITS,
  estimateWorkMs,
  hashPassword,
  identifyHash,
  type KdfEngine,
  listSchemes,
  verifyPassword,
  type WorkKind,
} from '../../src/hash/index.js';

/**
 * An engine that answers every primitive at once with zero bytes of the requested length and
 * counts its calls: hashes written with it verify with it, so the budget can be exercised at real
 * costs without doing the work.
 */
function zeroEngine(): KdfEngine & { calls: number } {
  const engine = {
    calls: 0,
    async argon2(_p: Uint8Array, _s: Uint8Array, params: { dkLen: number }) {
      engine.calls++;
      return new Uint8Array(params.dkLen);
    },
    async bcrypt() {
      engine.calls++;
      return new Uint8Array(23);
    },
    async shaCrypt(algorithm: 'sha256' | 'sha512') {
      engine.calls++;
      return new Uint8Array(algorithm === 'sha256' ? 32 : 64);
    },
    async pbkdf2(_d: string, _p: Uint8Array, _s: Uint8Array, _i: number, dkLen: number) {
      engine.calls++;
      return new Uint8Array(dkLen);
    },
    async scrypt(_p: Uint8Array, _s: Uint8Array, params: { dkLen: number }) {
      engine.calls++;
      return new Uint8Array(params.dkLen);
    },
  };
  return engine;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PassrotateError) return e.code;
    throw e;
  }
  return 'no error';
}

const SALT16 = 'c2FsdHNhbHRzYWx0c2FsdA'; // 16 bytes, base64 without padding
const TAG32 = 'A'.repeat(43); // 32 zero bytes
const AB64_32 = 'A'.repeat(43);
const CRYPT_SALT = 'saltsaltsaltsalt';

/** A stored hash at the given work, its kind and units (m·t, 2^cost, rounds, N·r·p). */
interface Heavy {
  readonly name: string;
  readonly stored: string;
  readonly kind: WorkKind;
  readonly units: number;
}

/** Hashes inside every per-parameter cap of DEFAULT_LIMITS, each over the default work budget. */
const HEAVY: readonly Heavy[] = [
  {
    name: 'Argon2id at every cap (the issue: m=1 GiB, t=64, p=64)',
    stored: `{ARGON2ID}$argon2id$v=19$m=1048576,t=64,p=64$${SALT16}$${TAG32}`,
    kind: 'argon2',
    units: 1_048_576 * 64,
  },
  {
    name: 'Argon2i 512 MiB × 4 passes',
    stored: `$argon2i$v=19$m=524288,t=4,p=1$${SALT16}$${TAG32}`,
    kind: 'argon2',
    units: 524_288 * 4,
  },
  {
    name: 'Django Argon2 1 GiB × 2',
    stored: `argon2$argon2id$v=19$m=1048576,t=2,p=1$${SALT16}$${TAG32}`,
    kind: 'argon2',
    units: 1_048_576 * 2,
  },
  { name: 'bcrypt cost 16', stored: `$2y$16$${'a'.repeat(53)}`, kind: 'bcrypt', units: 2 ** 16 },
  { name: 'bcrypt cost 15', stored: `{BLF-CRYPT}$2b$15$${'a'.repeat(53)}`, kind: 'bcrypt', units: 2 ** 15 },
  {
    name: 'bcrypt-sha256 cost 15',
    stored: `$bcrypt-sha256$v=2,t=2b,r=15$${'a'.repeat(22)}$${'a'.repeat(31)}`,
    kind: 'bcrypt',
    units: 2 ** 15,
  },
  {
    name: 'Dovecot PBKDF2 (SHA1) 9,000,000',
    stored: `{PBKDF2}$1$${CRYPT_SALT}$9000000$${'0'.repeat(40)}`,
    kind: 'pbkdf2-sha1',
    units: 9_000_000,
  },
  {
    name: 'PBKDF2-SHA512 2,000,000',
    stored: `$pbkdf2-sha512$2000000$${AB64_32}$${'A'.repeat(86)}`,
    kind: 'pbkdf2-sha512',
    units: 2_000_000,
  },
  {
    name: 'PBKDF2-SHA256 5,000,000',
    stored: `$pbkdf2-sha256$5000000$${AB64_32}$${AB64_32}`,
    kind: 'pbkdf2-sha256',
    units: 5_000_000,
  },
  {
    name: 'Django PBKDF2-SHA256 5,000,000',
    stored: `pbkdf2_sha256$5000000$salt$${'A'.repeat(43)}=`,
    kind: 'pbkdf2-sha256',
    units: 5_000_000,
  },
  {
    name: 'SCRAM-SHA-256 5,000,000',
    stored: `{SCRAM-SHA-256}5000000,${SALT16}==,${TAG32}=,${TAG32}=`,
    kind: 'pbkdf2-sha256',
    units: 5_000_000,
  },
  {
    name: 'scrypt N=2^20 r=8 p=1 (1 GiB, the memory cap)',
    stored: `$scrypt$ln=20,r=8,p=1$${SALT16}$${TAG32}`,
    kind: 'scrypt',
    units: 2 ** 20 * 8,
  },
];

describe('work budget on stored hashes', () => {
  it.each(HEAVY)('refuses $name with cost_too_high before calling the engine', async (heavy) => {
    // Every per-parameter cap alone lets it through; only the budget refuses it.
    const unbudgeted = zeroEngine();
    const unlimited = { engine: unbudgeted, limits: { maxWorkMs: Number.MAX_SAFE_INTEGER } };
    expect(await codeOf(verifyPassword('pw', heavy.stored, unlimited))).toBe('no error');
    expect(unbudgeted.calls).toBe(1);

    const engine = zeroEngine();
    const estimate = estimateWorkMs(heavy.kind, heavy.units);
    expect(estimate).toBeGreaterThan(DEFAULT_LIMITS.maxWorkMs);
    const start = performance.now();
    expect(await codeOf(verifyPassword('pw', heavy.stored, { engine }))).toBe('cost_too_high');
    expect(performance.now() - start).toBeLessThan(estimate / 4);
    expect(engine.calls).toBe(0);
  });

  it('refuses the same through createHasher, and names the estimate and budget, not the hash', async () => {
    const engine = zeroEngine();
    const hasher = createHasher({ default: { scheme: 'ARGON2ID' }, engine });
    const stored = HEAVY[0]?.stored as string;
    const error = await hasher.verify('pw', stored).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassrotateError);
    expect((error as PassrotateError).code).toBe('cost_too_high');
    expect((error as PassrotateError).message).toMatch(/about \d+ ms of work, over the budget of 1000 ms/);
    expect((error as PassrotateError).message).not.toContain(SALT16);
    expect(engine.calls).toBe(0);
  });

  it('keeps every default writable cost (OWASP figures) under the default budget, and a zero budget refuses each', async () => {
    const costly = listSchemes().filter((s) => s.writable && Object.keys(s.defaults ?? {}).length > 0);
    expect(costly.map((s) => s.scheme)).toEqual(
      expect.arrayContaining(['ARGON2ID', 'BLF-CRYPT', 'SCRYPT', 'PBKDF2', 'PBKDF2-SHA1', 'PBKDF2-SHA256']),
    );
    for (const { scheme } of costly) {
      const engine = zeroEngine();
      const stored = await hashPassword('pw', { scheme, engine, user: 'joe@example.com' });
      expect(await verifyPassword('pw', stored, { engine }), scheme).toBe(true);
      expect(await codeOf(verifyPassword('pw', stored, { engine, limits: { maxWorkMs: 0 } })), scheme).toBe(
        'cost_too_high',
      );
      expect(
        await codeOf(hashPassword('pw', { scheme, engine, limits: { maxWorkMs: 0 } })),
        `${scheme} write`,
      ).toBe('cost_too_high');
    }
  });

  it('keeps every stored hash in test/vectors under the default budget, and a zero budget refuses each costly one', async () => {
    const dir = new URL('../vectors/', import.meta.url);
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      collect(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    }
    let checked = 0;
    let costly = 0;
    for (const stored of strings) {
      const code = await codeOf(
        verifyPassword('pw', stored, { engine: zeroEngine(), user: 'joe@example.com' }),
      );
      if (code === 'unknown_scheme' || code === 'malformed_hash') continue;
      expect(code, stored).toBe('no error');
      checked++;
      if (Object.keys(identifyHash(stored).params).some((k) => k !== 'v')) {
        const zero = { engine: zeroEngine(), user: 'joe@example.com', limits: { maxWorkMs: 0 } };
        expect(await codeOf(verifyPassword('pw', stored, zero)), stored).toBe('cost_too_high');
        costly++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(costly).toBeGreaterThan(500);
  });

  it('lets a heavier hash through when the budget is raised, per call and per hasher', async () => {
    const engine = zeroEngine();
    const stored = await hashPassword('pw', {
      scheme: 'BLF-CRYPT',
      params: { cost: 14 },
      engine,
      limits: { maxWorkMs: 1500 },
    });
    expect(await codeOf(verifyPassword('pw', stored, { engine }))).toBe('cost_too_high');
    expect(await verifyPassword('pw', stored, { engine, limits: { maxWorkMs: 1500 } })).toBe(true);
    const hasher = createHasher({ default: { scheme: 'BLF-CRYPT' }, engine, limits: { maxWorkMs: 1500 } });
    expect(await hasher.verify('pw', stored)).toBe(true);
    expect(await codeOf(hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 14 }, engine }))).toBe(
      'cost_too_high',
    );
  });

  it('refuses any parameters whose estimated work is over the budget, and lets the rest reach the engine', async () => {
    const cases = fc.oneof(
      fc
        .record({
          m: fc.integer({ min: 8, max: 1_048_576 }),
          t: fc.integer({ min: 1, max: 64 }),
          p: fc.integer({ min: 1, max: 64 }),
        })
        .filter(({ m, p }) => m >= 8 * p)
        .map(({ m, t, p }) => ({
          stored: `$argon2id$v=19$m=${m},t=${t},p=${p}$${SALT16}$${TAG32}`,
          ms: estimateWorkMs('argon2', m * t),
        })),
      fc.integer({ min: 4, max: 16 }).map((cost) => ({
        stored: `$2b$${String(cost).padStart(2, '0')}$${'a'.repeat(53)}`,
        ms: estimateWorkMs('bcrypt', 2 ** cost),
      })),
      fc
        .record({ sha: fc.constantFrom(5, 6), rounds: fc.integer({ min: 1000, max: 1_000_000 }) })
        .map(({ sha, rounds }) => ({
          stored: `$${sha}$rounds=${rounds}$${CRYPT_SALT}$${'a'.repeat(sha === 5 ? 43 : 86)}`,
          ms: estimateWorkMs(sha === 5 ? 'sha256-crypt' : 'sha512-crypt', rounds),
        })),
      fc
        .record({
          digest: fc.constantFrom('sha1', 'sha256', 'sha512'),
          rounds: fc.integer({ min: 1, max: 10_000_000 }),
        })
        .map(({ digest, rounds }) => ({
          stored: `$${digest === 'sha1' ? 'pbkdf2' : `pbkdf2-${digest}`}$${rounds}$${AB64_32}$${AB64_32.slice(0, 27)}`,
          ms: estimateWorkMs(`pbkdf2-${digest}` as WorkKind, rounds),
        })),
      fc
        .record({
          ln: fc.integer({ min: 1, max: 20 }),
          r: fc.integer({ min: 1, max: 16 }),
          p: fc.integer({ min: 1, max: 16 }),
        })
        .filter(({ ln, r, p }) => 128 * 2 ** ln * r * p <= 1024 ** 3)
        .map(({ ln, r, p }) => ({
          stored: `$scrypt$ln=${ln},r=${r},p=${p}$${SALT16}$${TAG32}`,
          ms: estimateWorkMs('scrypt', 2 ** ln * r * p),
        })),
    );
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 0, max: 5000 }), async ({ stored, ms }, budget) => {
        const engine = zeroEngine();
        const code = await codeOf(verifyPassword('pw', stored, { engine, limits: { maxWorkMs: budget } }));
        if (ms > budget) {
          expect(code).toBe('cost_too_high');
          expect(engine.calls).toBe(0);
        } else {
          expect(code).toBe('no error');
          expect(engine.calls).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
