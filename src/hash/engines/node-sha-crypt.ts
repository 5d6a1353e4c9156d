/** @module SHA-crypt (Drepper's SHA256-CRYPT/SHA512-CRYPT), synchronous: WebAssembly, or node:crypto for long inputs. */
import { hash as digest } from 'node:crypto';
import { SHA_CRYPT_WASM } from './node-sha-crypt-wasm.js';

const CYCLE = 42; // lcm(2, 3, 7): the round pattern repeats every 42 rounds.

function concat(parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts);
}

/** `source` repeated (whole or in part) to exactly `length` bytes. */
function stretch(source: Uint8Array, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let offset = 0; offset < length; offset += source.length) {
    out.set(source.subarray(0, Math.min(source.length, length - offset)), offset);
  }
  return out;
}

interface RoundLayout {
  /** The message of one round, with every part but the previous digest already in place. */
  readonly message: Buffer;
  /** Where the previous digest goes in `message`. */
  readonly digestAt: number;
}

function roundLayout(round: number, p: Buffer, s: Buffer, size: number): RoundLayout {
  const odd = round % 2 === 1;
  const middle: Buffer[] = [];
  if (round % 3 !== 0) middle.push(s);
  if (round % 7 !== 0) middle.push(p);
  const filler = Buffer.alloc(size);
  const parts = odd ? [p, ...middle, filler] : [filler, ...middle, p];
  const message = concat(parts);
  return { message, digestAt: odd ? message.length - size : 0 };
}

/**
 * Computes the raw SHA-crypt digest (steps 1–21 of Drepper's specification, before the custom
 * base64 transposition) synchronously with node:crypto, for any input length. The 42 distinct round
 * messages are laid out once, so each round costs one buffer copy and one native one-shot digest
 * call — whose fixed cost per call makes this about twice as slow as {@link shaCryptSync}'s
 * WebAssembly loop.
 *
 * @param algorithm - `sha256` (`$5$`, 32-byte result) or `sha512` (`$6$`, 64-byte result).
 * @param password - The password bytes.
 * @param salt - The salt bytes (the codec has already cut them to the 16 the spec uses).
 * @param rounds - The number of rounds (the codec has already checked the bounds).
 * @returns The raw digest.
 * @example
 * ```ts
 * const raw = shaCryptNodeCryptoSync('sha512', utf8('Hello world!'), utf8('saltstring'), 5000);
 * ```
 */
export function shaCryptNodeCryptoSync(
  algorithm: 'sha256' | 'sha512',
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Uint8Array {
  const size = algorithm === 'sha512' ? 64 : 32;
  const pw = Buffer.from(password);
  const sa = Buffer.from(salt);
  // Steps 1–12: digest A.
  const b = digest(algorithm, concat([pw, sa, pw]), 'buffer');
  const aParts: Buffer[] = [pw, sa, stretch(b, pw.length)];
  for (let n = pw.length; n > 0; n >>>= 1) aParts.push(n & 1 ? b : pw);
  let c = digest(algorithm, concat(aParts), 'buffer');
  // Steps 13–20: the P and S sequences.
  const dp = digest(algorithm, stretch(pw, pw.length * pw.length), 'buffer');
  const p = stretch(dp, pw.length);
  const ds = digest(algorithm, stretch(sa, sa.length * (16 + (c[0] as number))), 'buffer');
  const s = stretch(ds, sa.length);
  // Step 21: the rounds.
  const layouts: RoundLayout[] = [];
  for (let i = 0; i < Math.min(CYCLE, rounds); i++) layouts.push(roundLayout(i, p, s, size));
  for (let i = 0; i < rounds; i++) {
    const layout = layouts[i % CYCLE] as RoundLayout;
    c.copy(layout.message, layout.digestAt);
    c = digest(algorithm, layout.message, 'buffer');
  }
  return new Uint8Array(c);
}

interface ShaCryptWasm {
  readonly memory: WebAssembly.Memory;
  pw_buffer(): number;
  salt_buffer(): number;
  out_buffer(): number;
  max_password(): number;
  max_salt(): number;
  sha_crypt(bits: number, pwLen: number, saltLen: number, rounds: number): number;
}

let wasm: ShaCryptWasm | undefined;

/** The WebAssembly SHA-crypt, instantiated on first use (once per thread). */
function shaCryptWasm(): ShaCryptWasm {
  wasm ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(SHA_CRYPT_WASM.join(''), 'base64')))
    .exports as unknown as ShaCryptWasm;
  return wasm;
}

/**
 * Computes the raw SHA-crypt digest (steps 1–21 of Drepper's specification, before the custom
 * base64 transposition) synchronously. The whole computation, rounds included, runs in one call
 * into a small WebAssembly module (FIPS 180-4 SHA-256/SHA-512 written in C, `wasm/sha-crypt.c`),
 * which avoids the per-round cost of calling into node:crypto; a password over 4096 bytes or a salt
 * over 64 bytes (beyond the module's buffers) goes to {@link shaCryptNodeCryptoSync}.
 *
 * @param algorithm - `sha256` (`$5$`, 32-byte result) or `sha512` (`$6$`, 64-byte result).
 * @param password - The password bytes.
 * @param salt - The salt bytes (the codec has already cut them to the 16 the spec uses).
 * @param rounds - The number of rounds (the codec has already checked the bounds).
 * @returns The raw digest.
 * @example
 * ```ts
 * const raw = shaCryptSync('sha512', utf8('Hello world!'), utf8('saltstring'), 5000);
 * ```
 */
export function shaCryptSync(
  algorithm: 'sha256' | 'sha512',
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Uint8Array {
  const module = shaCryptWasm();
  if (password.length > module.max_password() || salt.length > module.max_salt()) {
    return shaCryptNodeCryptoSync(algorithm, password, salt, rounds);
  }
  const memory = new Uint8Array(module.memory.buffer);
  memory.set(password, module.pw_buffer());
  memory.set(salt, module.salt_buffer());
  module.sha_crypt(algorithm === 'sha512' ? 512 : 256, password.length, salt.length, rounds);
  const out = module.out_buffer();
  const result = memory.slice(out, out + (algorithm === 'sha512' ? 64 : 32));
  // Leave no copy of the password in the module's memory.
  memory.fill(0, module.pw_buffer(), module.pw_buffer() + password.length);
  return result;
}
