/**
 * Measures what one unit of work of each KDF costs on this machine's Node engine backends
 * (node:crypto, @node-rs/argon2, hash-wasm, the SHA-crypt WebAssembly), on the calling thread, one
 * core: the numbers behind WORK_UNIT_NS in src/hash/work-budget.ts. Each row is the fastest of a
 * few runs at a size of a few hundred milliseconds, so caches behave as they do near the budget.
 *
 * Run: npx tsx scripts/calibrate-work-budget.ts
 */
import { createDirectEngine } from '../src/hash/engines/node-direct.js';
import { referenceEngine } from '../src/hash/engines/reference.js';

const engine = createDirectEngine({ fallback: async () => referenceEngine });
const password = new TextEncoder().encode('Correct-Horse-9');
const salt = new Uint8Array(16).fill(7);

async function fastestMs(work: () => Promise<unknown>, runs = 3): Promise<number> {
  await work();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const rows: [kind: string, setting: string, units: number, work: () => Promise<unknown>][] = [
  [
    'argon2',
    'argon2id m=262144 t=2 p=1',
    262_144 * 2,
    () =>
      engine.argon2(password, salt, { type: 'argon2id', version: 0x13, m: 262_144, t: 2, p: 1, dkLen: 32 }),
  ],
  [
    'argon2',
    'argon2id m=1048576 t=1 p=1',
    1_048_576,
    () =>
      engine.argon2(password, salt, { type: 'argon2id', version: 0x13, m: 1_048_576, t: 1, p: 1, dkLen: 32 }),
  ],
  [
    'argon2',
    'argon2id m=19456 t=2 p=1 (OWASP)',
    19_456 * 2,
    () =>
      engine.argon2(password, salt, { type: 'argon2id', version: 0x13, m: 19_456, t: 2, p: 1, dkLen: 32 }),
  ],
  ['bcrypt', 'bcrypt cost 12', 2 ** 12, () => engine.bcrypt(new Uint8Array([...password, 0]), salt, 12)],
  [
    'sha256-crypt',
    'sha256-crypt 300000 rounds',
    300_000,
    () => engine.shaCrypt('sha256', password, salt, 300_000),
  ],
  [
    'sha512-crypt',
    'sha512-crypt 300000 rounds',
    300_000,
    () => engine.shaCrypt('sha512', password, salt, 300_000),
  ],
  ['pbkdf2-sha1', 'PBKDF2-SHA1 600000', 600_000, () => engine.pbkdf2('sha1', password, salt, 600_000, 20)],
  [
    'pbkdf2-sha256',
    'PBKDF2-SHA256 600000',
    600_000,
    () => engine.pbkdf2('sha256', password, salt, 600_000, 32),
  ],
  [
    'pbkdf2-sha512',
    'PBKDF2-SHA512 300000',
    300_000,
    () => engine.pbkdf2('sha512', password, salt, 300_000, 64),
  ],
  [
    'scrypt',
    'scrypt N=2^17 r=8 p=1 (OWASP)',
    2 ** 17 * 8,
    () => engine.scrypt(password, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 }),
  ],
];

process.stdout.write(`${JSON.stringify(await engine.backends())}\n`);
for (const [kind, setting, units, work] of rows) {
  const ms = await fastestMs(work);
  process.stdout.write(
    `${kind.padEnd(14)} ${setting.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${((ms * 1e6) / units).toFixed(0).padStart(6)} ns/unit\n`,
  );
}
