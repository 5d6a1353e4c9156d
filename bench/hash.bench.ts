/**
 * @module Benchmark of passrotate/hash on Node against the fastest and most-used npm implementations,
 * side by side in one run, printed as a table of median times and ratios (ours ÷ theirs).
 * Run with `npm run bench` from the repository root.
 */
import { execFileSync } from 'node:child_process';
import { pbkdf2Sync, randomBytes, scrypt as scryptCallback, scryptSync } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { hash as nodeRsHash } from '@node-rs/argon2';
import bcryptjs from 'bcryptjs';
import { argon2id as wasmArgon2id, bcrypt as wasmBcrypt } from 'hash-wasm';
import { Bench } from 'tinybench';
import { encrypt as unixcrypt } from 'unixcrypt';
import { hashPassword, nodeEngine } from '../src/hash/node.js';

const scryptAsync = promisify(scryptCallback) as (
  password: Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const PASSWORD = 'Correct-Horse-Battery-9';
const salt16 = (): Uint8Array => randomBytes(16);
const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const cryptSalt = (): string =>
  Array.from(randomBytes(16), (byte) => SALT_CHARS[byte % SALT_CHARS.length]).join('');

interface Row {
  readonly name: string;
  readonly target: string;
  readonly ours: () => Promise<unknown>;
  readonly peers: readonly { readonly name: string; readonly run: () => unknown }[];
}

const ARGON2 = { m: 19456, t: 2, p: 1 };
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const rows: Row[] = [
  {
    name: 'Argon2id m=19456,t=2,p=1',
    target: '≤ 1.5× @node-rs/argon2',
    ours: () => hashPassword(PASSWORD, { scheme: 'ARGON2ID', params: ARGON2 }),
    peers: [
      {
        name: '@node-rs/argon2',
        run: () => nodeRsHash(PASSWORD, { memoryCost: ARGON2.m, timeCost: ARGON2.t, parallelism: ARGON2.p }),
      },
      {
        name: 'hash-wasm',
        run: () =>
          wasmArgon2id({
            password: PASSWORD,
            salt: salt16(),
            memorySize: ARGON2.m,
            iterations: ARGON2.t,
            parallelism: ARGON2.p,
            hashLength: 32,
            outputType: 'encoded',
          }),
      },
    ],
  },
  {
    name: 'bcrypt cost 10',
    target: '≤ 1.3× hash-wasm, < 1× bcryptjs',
    ours: () => hashPassword(PASSWORD, { scheme: 'BLF-CRYPT', params: { cost: 10 } }),
    peers: [
      { name: 'hash-wasm', run: () => wasmBcrypt({ password: PASSWORD, salt: salt16(), costFactor: 10 }) },
      { name: 'bcryptjs', run: () => bcryptjs.hashSync(PASSWORD, 10) },
    ],
  },
  {
    name: 'SHA512-CRYPT 5,000 rounds',
    target: '< 1× unixcrypt',
    ours: () => hashPassword(PASSWORD, { scheme: 'SHA512-CRYPT', params: { rounds: 5000 } }),
    peers: [{ name: 'unixcrypt', run: () => unixcrypt(PASSWORD, `$6$rounds=5000$${cryptSalt()}`) }],
  },
  {
    name: 'SHA512-CRYPT 656,000 rounds',
    target: 'report; stretch ≤ 2× libxcrypt',
    ours: () => hashPassword(PASSWORD, { scheme: 'SHA512-CRYPT', params: { rounds: 656_000 } }),
    peers: [
      {
        name: 'libxcrypt (mkpasswd, incl. process start)',
        run: () => execFileSync('mkpasswd', ['-m', 'sha-512', '-R', '656000', PASSWORD]),
      },
    ],
  },
  {
    name: 'PBKDF2-SHA256 600,000',
    target: '≈ 1× node:crypto',
    ours: () => hashPassword(PASSWORD, { scheme: 'PBKDF2-SHA256', params: { rounds: 600_000 } }),
    peers: [
      { name: 'node:crypto pbkdf2Sync', run: () => pbkdf2Sync(PASSWORD, salt16(), 600_000, 32, 'sha256') },
    ],
  },
  {
    name: 'scrypt ln=17,r=8,p=1',
    target: '≈ 1× node:crypto',
    ours: () => hashPassword(PASSWORD, { scheme: 'SCRYPT', params: { ln: 17, r: 8, p: 1 } }),
    peers: [
      {
        name: 'node:crypto scryptSync',
        run: () => scryptSync(PASSWORD, salt16(), 32, { ...SCRYPT, maxmem: SCRYPT_MAXMEM }),
      },
      {
        name: 'node:crypto scrypt (libuv pool)',
        run: () =>
          scryptAsync(Buffer.from(PASSWORD), Buffer.from(salt16()), 32, { ...SCRYPT, maxmem: SCRYPT_MAXMEM }),
      },
    ],
  },
];

/** Median milliseconds of `fn`, after one warm-up call, over at least `iterations` calls or `time` ms. */
async function median(fn: () => unknown, iterations: number, time: number): Promise<number> {
  const bench = new Bench({ iterations, time, warmupIterations: 1, warmupTime: 0 });
  bench.add('task', async () => {
    await fn();
  });
  await bench.run();
  const result = bench.tasks[0]?.result as { latency?: { p50?: number }; error?: unknown } | undefined;
  if (result?.error) throw result.error;
  const p50 = result?.latency?.p50;
  if (p50 === undefined) throw new Error('tinybench gave no latency');
  return p50;
}

/** Worst event-loop delay (ms) while `count` Argon2id hashes at OWASP cost run at once. */
async function eventLoopDelay(count: number): Promise<{ delay: number; wall: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, () => hashPassword(PASSWORD, { scheme: 'ARGON2ID', params: ARGON2 })),
  );
  const wall = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { delay: histogram.max / 1e6, wall };
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2));

async function main(): Promise<void> {
  const backends = await nodeEngine.backends();
  const lines: string[][] = [['benchmark', 'ours (ms)', 'peer', 'peer (ms)', 'ours ÷ peer', 'target']];
  for (const row of rows) {
    const slow =
      row.name.includes('656,000') || row.name.startsWith('scrypt') || row.name.startsWith('PBKDF2');
    const [iterations, time] = slow ? [5, 1000] : [15, 1500];
    const ours = await median(row.ours, iterations, time);
    row.peers.forEach((peer, index) => {
      lines.push([
        index === 0 ? row.name : '',
        index === 0 ? ms(ours) : '',
        peer.name,
        '',
        '',
        index === 0 ? row.target : '',
      ]);
    });
    for (const [index, peer] of row.peers.entries()) {
      const theirs = await median(peer.run, iterations, time);
      const line = lines[lines.length - row.peers.length + index] as string[];
      line[3] = ms(theirs);
      line[4] = `${(ours / theirs).toFixed(2)}×`;
    }
  }
  const loop = await eventLoopDelay(8);
  lines.push([
    'event-loop delay, 8 × Argon2id OWASP at once',
    `${ms(loop.delay)} max delay`,
    `(all 8 done in ${ms(loop.wall)} ms)`,
    '',
    '',
    '< 50 ms',
  ]);
  const widths =
    lines[0]?.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length))) ?? [];
  const format = (line: string[]): string =>
    `| ${line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const out = [
    `Node ${process.version}, ${nodeEngine.threads} worker threads; backends: argon2=${backends.argon2}, bcrypt=${backends.bcrypt}`,
    format(lines[0] as string[]),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...lines.slice(1).map(format),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await nodeEngine.close();
}

await main();
