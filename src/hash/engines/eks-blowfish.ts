/** @module bcrypt's core: the expensive-key-schedule Blowfish of Provos & Mazières (USENIX 1999). */

import { BLOWFISH_PI } from './blowfish-pi.js';

/** "OrpheanBeholderScryDoubt" as six big-endian words: the block bcrypt encrypts 64 times. */
const MAGIC = [0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274];

/**
 * Blowfish state: P (18 words) then S-boxes (4 × 256 words) in one array, so the round function
 * indexes S-box `k` at `18 + 256 k`.
 */
type State = Uint32Array;

/** One Blowfish encryption of the block in `lr[0..1]`, in place. */
function encipher(s: State, lr: Uint32Array): void {
  let l = lr[0] as number;
  let r = lr[1] as number;
  l ^= s[0] as number;
  for (let i = 1; i <= 16; i += 2) {
    let f =
      (((s[18 + (l >>> 24)] as number) + (s[274 + ((l >>> 16) & 0xff)] as number)) ^
        (s[530 + ((l >>> 8) & 0xff)] as number)) +
      (s[786 + (l & 0xff)] as number);
    r ^= f ^ (s[i] as number);
    f =
      (((s[18 + (r >>> 24)] as number) + (s[274 + ((r >>> 16) & 0xff)] as number)) ^
        (s[530 + ((r >>> 8) & 0xff)] as number)) +
      (s[786 + (r & 0xff)] as number);
    l ^= f ^ (s[i + 1] as number);
  }
  lr[0] = r ^ (s[17] as number);
  lr[1] = l;
}

/** Reads the next big-endian 32-bit word from `data`, cycling; `pos[0]` is the cursor. */
function streamWord(data: Uint8Array, pos: Uint32Array): number {
  let word = 0;
  let p = pos[0] as number;
  for (let i = 0; i < 4; i++) {
    word = (word << 8) | (data[p] as number);
    p = (p + 1) % data.length;
  }
  pos[0] = p;
  return word >>> 0;
}

/**
 * ExpandKey(state, salt, key): XOR the key stream into P, then re-encrypt P and the S-boxes in
 * chained blocks, XOR-ing the salt stream into each block first (no salt: plain Blowfish keying).
 */
function expandKey(s: State, key: Uint8Array, salt: Uint8Array | null): void {
  const kp = new Uint32Array(1);
  for (let i = 0; i < 18; i++) s[i] = (s[i] as number) ^ streamWord(key, kp);
  const lr = new Uint32Array(2);
  const sp = new Uint32Array(1);
  for (let i = 0; i < 1042; i += 2) {
    if (salt) {
      lr[0] = (lr[0] as number) ^ streamWord(salt, sp);
      lr[1] = (lr[1] as number) ^ streamWord(salt, sp);
    }
    encipher(s, lr);
    s[i] = lr[0] as number;
    s[i + 1] = lr[1] as number;
  }
}

/**
 * bcrypt's raw output: 24 bytes (callers keep the first 23, as every implementation encodes).
 * `key` is the password already NUL-terminated and cut to at most 72 bytes; `salt` is 16 bytes;
 * `cost` is the log2 of the key-schedule repetitions (4–31).
 *
 * @example
 * ```ts
 * eksBlowfishHash(new Uint8Array([0x61, 0]), new Uint8Array(16), 4).length; // 24
 * ```
 */
export function eksBlowfishHash(key: Uint8Array, salt: Uint8Array, cost: number): Uint8Array {
  const s: State = Uint32Array.from(BLOWFISH_PI);
  expandKey(s, key, salt);
  const rounds = 2 ** cost;
  for (let i = 0; i < rounds; i++) {
    expandKey(s, key, null);
    expandKey(s, salt, null);
  }
  const text = Uint32Array.from(MAGIC);
  const lr = new Uint32Array(2);
  for (let block = 0; block < 6; block += 2) {
    lr[0] = text[block] as number;
    lr[1] = text[block + 1] as number;
    for (let i = 0; i < 64; i++) encipher(s, lr);
    text[block] = lr[0] as number;
    text[block + 1] = lr[1] as number;
  }
  const out = new Uint8Array(24);
  for (let i = 0; i < 6; i++) {
    const w = text[i] as number;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 0xff;
    out[i * 4 + 2] = (w >>> 8) & 0xff;
    out[i * 4 + 3] = w & 0xff;
  }
  return out;
}
