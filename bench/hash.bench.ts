/**
 * @module Benchmark of passrotate/hash on Node against the fastest and most-used npm implementations,
 * side by side in one run, printed as a table of median times and ratios (ours ÷ theirs). "ours" is
 * `hashPassword` end to end through the worker pool; "in-thread" is the same code on the main thread,
 * i.e. the cost of the hash without the hop to a worker.
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
import { createDirectEngine } from '../src/hash/engines/node-direct.js';
import { type HashParams, hashPassword, nodeEngine, referenceEngine } from '../src/hash/node.js';

/** The Node engine's code called on the main thread, without the pool: the cost of the hash alone. */
const inThread = createDirectEngine({ fallback: async () => referenceEngine });

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

interface Peer {
  readonly name: string;
  readonly run: () => unknown;
  /** Time to take off the measurement (a subprocess's start-up), measured before the table. */
  readonly overhead?: () => number;
}

interface Row {
  readonly name: string;
  readonly target: string;
  /** What we hash: `hashPassword(PASSWORD, ours)`, through the pool and on the main thread. */
  readonly ours: { readonly scheme: string; readonly params: HashParams };
  readonly peers: readonly Peer[];
}

const mkpasswd = (rounds: number): Buffer =>
  execFileSync('mkpasswd', ['-m', 'sha-512', '-R', String(rounds), PASSWORD]);
/** What starting `mkpasswd` costs: a run at the minimum 1000 rounds (~0.3 ms of hashing in C). */
let mkpasswdStart = 0;

const ARGON2 = { m: 19456, t: 2, p: 1 };
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

const rows: Row[] = [
  {
    name: 'Argon2id m=19456,t=2,p=1',
    target: '≤ 1.5× @node-rs/argon2',
    ours: { scheme: 'ARGON2ID', params: ARGON2 },
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
    ours: { scheme: 'BLF-CRYPT', params: { cost: 10 } },
    peers: [
      { name: 'hash-wasm', run: () => wasmBcrypt({ password: PASSWORD, salt: salt16(), costFactor: 10 }) },
      { name: 'bcryptjs', run: () => bcryptjs.hashSync(PASSWORD, 10) },
    ],
  },
  {
    name: 'SHA512-CRYPT 5,000 rounds',
    target: '< 1× unixcrypt',
    ours: { scheme: 'SHA512-CRYPT', params: { rounds: 5000 } },
    peers: [{ name: 'unixcrypt', run: () => unixcrypt(PASSWORD, `$6$rounds=5000$${cryptSalt()}`) }],
  },
  {
    name: 'SHA512-CRYPT 656,000 rounds',
    target: 'report; stretch ≤ 2× libxcrypt',
    ours: { scheme: 'SHA512-CRYPT', params: { rounds: 656_000 } },
    peers: [
      {
        name: 'libxcrypt (mkpasswd, incl. process start)',
        run: () => mkpasswd(656_000),
      },
      {
        name: 'libxcrypt (mkpasswd, net of process start)',
        run: () => mkpasswd(656_000),
        overhead: () => mkpasswdStart,
      },
    ],
  },
  {
    name: 'PBKDF2-SHA256 600,000',
    target: '≈ 1× node:crypto',
    ours: { scheme: 'PBKDF2-SHA256', params: { rounds: 600_000 } },
    peers: [
      { name: 'node:crypto pbkdf2Sync', run: () => pbkdf2Sync(PASSWORD, salt16(), 600_000, 32, 'sha256') },
    ],
  },
  {
    name: 'scrypt ln=17,r=8,p=1',
    target: '≈ 1× node:crypto',
    ours: { scheme: 'SCRYPT', params: { ln: 17, r: 8, p: 1 } },
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

const middle = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/**
 * Median milliseconds of each of `fns`, timed in turn one call at a time (A B C, A B C, …) for
 * `rounds` rounds after one warm-up call each: on a shared machine, bursts of outside load then hit
 * every candidate alike instead of whichever happened to be running.
 */
async function interleaved(fns: readonly (() => unknown)[], rounds: number): Promise<number[]> {
  for (const fn of fns) await fn();
  const bench = new Bench({ iterations: 1, time: 0, warmup: false });
  for (const [index, fn] of fns.entries()) {
    bench.add(String(index), async () => {
      await fn();
    });
  }
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    bench.reset();
    await bench.run();
    for (const [index, task] of bench.tasks.entries()) {
      const result = task.result as { latency?: { p50?: number }; error?: unknown } | undefined;
      if (result?.error) throw result.error;
      samples[index]?.push(result?.latency?.p50 ?? Number.NaN);
    }
  }
  return samples.map(middle);
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

async function timeRow(row: Row): Promise<number[]> {
  const slow = row.name.includes('656,000') || row.name.startsWith('scrypt') || row.name.startsWith('PBKDF2');
  const pooled = () => hashPassword(PASSWORD, row.ours);
  const direct = () => hashPassword(PASSWORD, { ...row.ours, engine: inThread });
  return interleaved([pooled, direct, ...row.peers.map((peer) => peer.run)], slow ? 5 : 15);
}

async function main(): Promise<void> {
  const backends = await nodeEngine.backends();
  mkpasswdStart = (await interleaved([() => mkpasswd(1000)], 10))[0] ?? 0;
  const lines: string[][] = [
    [
      'benchmark',
      'ours (ms)',
      'ours in-thread',
      'peer',
      'peer (ms)',
      'ours ÷ peer',
      'in-thread ÷ peer',
      'target',
    ],
  ];
  for (const row of rows) {
    const [ours = 0, direct = 0, ...theirs] = await timeRow(row);
    for (const [index, peer] of row.peers.entries()) {
      const peerMs = (theirs[index] ?? 0) - (peer.overhead?.() ?? 0);
      const first = index === 0;
      lines.push([
        first ? row.name : '',
        first ? ms(ours) : '',
        first ? ms(direct) : '',
        peer.name,
        ms(peerMs),
        `${(ours / peerMs).toFixed(2)}×`,
        `${(direct / peerMs).toFixed(2)}×`,
        first ? row.target : '',
      ]);
    }
  }
  const loop = await eventLoopDelay(8);
  lines.push([
    'event-loop delay, 8 × Argon2id OWASP at once',
    `${ms(loop.delay)} max delay`,
    '',
    `(all 8 done in ${ms(loop.wall)} ms)`,
    '',
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
