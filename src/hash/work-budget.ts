/** @module The work budget: what a stored hash's key derivation costs in time, refused above a ceiling before any work. */

import { PassrotateError } from '../errors.js';
import { assertCost, type HashLimits } from './limits.js';

/**
 * The families of key-derivation work a hash can ask for, each counted in its own unit:
 * Argon2 in KiB·passes (m·t), bcrypt in key-schedule repetitions (2^cost), SHA-crypt in rounds,
 * PBKDF2 (and SCRAM) in HMAC iterations per output block, scrypt in N·r·p.
 *
 * @example
 * ```ts
 * const kind: WorkKind = 'pbkdf2-sha256';
 * ```
 */
export type WorkKind =
  | 'argon2'
  | 'bcrypt'
  | 'sha256-crypt'
  | 'sha512-crypt'
  | 'pbkdf2-sha1'
  | 'pbkdf2-sha256'
  | 'pbkdf2-sha512'
  | 'scrypt';

/**
 * Nanoseconds one unit of each kind costs on one core, measured with the Node engine's backends
 * (`scripts/calibrate-work-budget.ts`: @node-rs/argon2, hash-wasm, node:crypto, the SHA-crypt
 * WebAssembly) on an idle 2-core x86-64 build machine (load < 1) under Node 20, rounded up from the
 * fastest of three runs near the budget; on a busy machine wall time grows, the estimate is CPU time:
 *
 * | kind | measured | unit | here |
 * | --- | --- | --- | --- |
 * | argon2 | m=1 GiB t=1: 702 ms; m=256 MiB t=2: 288 ms; m=19 MiB t=2: 16 ms | KiB·pass | 650 ns |
 * | bcrypt | cost 12: 271 ms | 2^cost | 66 µs |
 * | sha256-crypt | 300,000 rounds: 304 ms | round | 1,000 ns |
 * | sha512-crypt | 300,000 rounds: 205 ms | round | 700 ns |
 * | pbkdf2-sha1 | 600,000: 226 ms | iteration | 380 ns |
 * | pbkdf2-sha256 | 600,000: 229 ms | iteration | 380 ns |
 * | pbkdf2-sha512 | 300,000: 262 ms | iteration | 870 ns |
 * | scrypt | N=2^17 r=8 p=1: 406 ms | N·r·p | 400 ns |
 *
 * Argon2 lanes add no work: m·t blocks are computed whatever p is, so p=4 only spreads the same
 * CPU time over more threads. The portable reference engine (pure JS) is several times slower
 * (e.g. Argon2 ≈ 20×), so with it a hash inside the budget can still take seconds.
 *
 * @example
 * ```ts
 * (WORK_UNIT_NS.bcrypt * 2 ** 10) / 1e6; // ≈ 68 ms for bcrypt cost 10
 * ```
 */
export const WORK_UNIT_NS: Readonly<Record<WorkKind, number>> = Object.freeze({
  argon2: 650,
  bcrypt: 66_000,
  'sha256-crypt': 1_000,
  'sha512-crypt': 700,
  'pbkdf2-sha1': 380,
  'pbkdf2-sha256': 380,
  'pbkdf2-sha512': 870,
  scrypt: 400,
});

/**
 * The estimated time, in milliseconds of one core, of `units` of `kind` work.
 *
 * @example
 * ```ts
 * estimateWorkMs('argon2', 19_456 * 2); // ≈ 25
 * ```
 */
export function estimateWorkMs(kind: WorkKind, units: number): number {
  return (units * WORK_UNIT_NS[kind]) / 1e6;
}

/**
 * Throws `cost_too_high` when `units` of `kind` work would take longer than `limits.maxWorkMs`;
 * the message names the estimate and the budget, never the hash.
 *
 * @example
 * ```ts
 * assertWorkBudget('Argon2 m·t', 'argon2', 1_048_576 * 64, DEFAULT_LIMITS); // throws cost_too_high
 * ```
 */
export function assertWorkBudget(what: string, kind: WorkKind, units: number, limits: HashLimits): void {
  const ms = estimateWorkMs(kind, units);
  if (ms > limits.maxWorkMs) {
    throw new PassrotateError(
      'cost_too_high',
      `Hash cost too high: ${what} ${units} is about ${Math.round(ms)} ms of work, over the budget of ${limits.maxWorkMs} ms`,
    );
  }
}

/**
 * The bcrypt cost checks: the `maxBcryptCost` cap, then the work budget (2^cost).
 *
 * @example
 * ```ts
 * checkBcryptCost(14, DEFAULT_LIMITS); // throws cost_too_high: ≈ 1081 ms
 * ```
 */
export function checkBcryptCost(cost: number, limits: HashLimits): void {
  assertCost('bcrypt cost', cost, limits.maxBcryptCost);
  assertWorkBudget('bcrypt 2^cost', 'bcrypt', 2 ** cost, limits);
}

/**
 * The PBKDF2 iteration checks (also SCRAM's): the `maxPbkdf2Iterations` cap, then the work budget
 * for one output block of `digest`.
 *
 * @example
 * ```ts
 * checkPbkdf2Rounds('PBKDF2 rounds', 'sha512', 2_000_000, DEFAULT_LIMITS); // throws cost_too_high
 * ```
 */
export function checkPbkdf2Rounds(
  what: string,
  digest: 'sha1' | 'sha256' | 'sha512',
  rounds: number,
  limits: HashLimits,
): void {
  assertCost(what, rounds, limits.maxPbkdf2Iterations);
  assertWorkBudget(what, `pbkdf2-${digest}`, rounds, limits);
}
