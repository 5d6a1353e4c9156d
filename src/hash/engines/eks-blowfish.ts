/** @module bcrypt's core: the expensive-key-schedule Blowfish of Provos & Mazières (USENIX 1999). */

import { BLOWFISH_PI } from './blowfish-pi.js';

/** "OrpheanBeholderScryDoubt" as six big-endian words: the block bcrypt encrypts 64 times. */
const MAGIC = [0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274];

/** Number of state words: the P-array (18) followed by the four S-boxes (4 × 256). */
const STATE_WORDS = 18 + 4 * 256;

/** Blowfish's F function (the four S-boxes live at `18 + 256 k` in the state array). */
function f(s: Uint32Array, x: number): number {
  return (
    ((((s[18 + (x >>> 24)] as number) + (s[274 + ((x >>> 16) & 0xff)] as number)) ^
      (s[530 + ((x >>> 8) & 0xff)] as number)) +
      (s[786 + (x & 0xff)] as number)) |
    0
  );
}

/** One Blowfish encryption of (`l`, `r`) under state `s`; the result goes to `out[0..1]`. */
function encipher(s: Uint32Array, l: number, r: number, out: Int32Array): void {
  l ^= s[0] as number;
  for (let i = 1; i <= 16; i += 2) {
    r ^= f(s, l) ^ (s[i] as number);
    l ^= f(s, r) ^ (s[i + 1] as number);
  }
  out[0] = r ^ (s[17] as number);
  out[1] = l;
}

/** `data` read as a cyclic stream of big-endian 32-bit words, `count` of them. */
function streamWords(data: Uint8Array, count: number): Uint32Array {
  const words = new Uint32Array(count);
  let p = 0;
  for (let w = 0; w < count; w++) {
    let word = 0;
    for (let i = 0; i < 4; i++) {
      word = (word << 8) | (data[p] as number);
      p = p + 1 === data.length ? 0 : p + 1;
    }
    words[w] = word;
  }
  return words;
}

/**
 * ExpandKey(state, salt, key): XOR the key stream (18 words) into P, then re-encrypt P and the
 * S-boxes in chained blocks, XOR-ing the salt stream (4 words, cycled) into each block first; with
 * no salt this is plain Blowfish keying.
 */
function expandKey(
  s: Uint32Array,
  keyWords: Uint32Array,
  saltWords: Uint32Array | null,
  lr: Int32Array,
): void {
  for (let i = 0; i < 18; i++) s[i] = (s[i] as number) ^ (keyWords[i] as number);
  let l = 0;
  let r = 0;
  for (let i = 0; i < STATE_WORDS; i += 2) {
    if (saltWords) {
      l ^= saltWords[i & 3] as number;
      r ^= saltWords[(i + 1) & 3] as number;
    }
    encipher(s, l, r, lr);
    l = lr[0] as number;
    r = lr[1] as number;
    s[i] = l;
    s[i + 1] = r;
  }
}

/**
 * bcrypt's raw output: 24 bytes (callers keep the first 23, as every implementation encodes).
 * `key` is the password already NUL-terminated and cut to at most 72 bytes (at least one byte);
 * `salt` is 16 bytes; `cost` is the log2 of the key-schedule repetitions (4–31).
 *
 * @example
 * ```ts
 * eksBlowfishHash(new Uint8Array([0x61, 0]), new Uint8Array(16), 4).length; // 24
 * ```
 */
export function eksBlowfishHash(key: Uint8Array, salt: Uint8Array, cost: number): Uint8Array {
  const s = Uint32Array.from(BLOWFISH_PI);
  const lr = new Int32Array(2);
  const keyWords = streamWords(key, 18);
  const saltWords = streamWords(salt, 4);
  // The salt as a key: 16 bytes cycled into 18 words.
  const saltKeyWords = streamWords(salt, 18);
  expandKey(s, keyWords, saltWords, lr);
  const rounds = 2 ** cost;
  for (let i = 0; i < rounds; i++) {
    expandKey(s, keyWords, null, lr);
    expandKey(s, saltKeyWords, null, lr);
  }
  const text = Int32Array.from(MAGIC);
  for (let block = 0; block < 6; block += 2) {
    for (let i = 0; i < 64; i++) {
      encipher(s, text[block] as number, text[block + 1] as number, lr);
      text[block] = lr[0] as number;
      text[block + 1] = lr[1] as number;
    }
  }
  const out = new Uint8Array(24);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 6; i++) view.setInt32(i * 4, text[i] as number, false);
  return out;
}
