/** @module Unbiased integers and shuffles drawn from a {@link RandomSource} in buffered batches. */
import { PassrotateError } from '../errors.js';
import type { RandomSource } from '../ports/random-source.js';

/** Bytes fetched per refill: a `getRandomValues` call costs ~1.3 µs whatever its size, so batch big. */
const BATCH_BYTES = 16_384;
const TWO_POW_32 = 0x1_0000_0000;

/**
 * Consecutive rejected draws after which the source is declared broken. Each draw is rejected with
 * probability below ½, so a working source gets here with probability below 2⁻¹²⁸; a source stuck
 * on one value (or returning nothing) would otherwise loop forever.
 */
const MAX_REJECTIONS = 128;

function brokenSource(): never {
  throw new PassrotateError(
    'random_source_failure',
    `the RandomSource produced ${MAX_REJECTIONS} unusable draws in a row; it is not random`,
  );
}

/** `LIMIT_8[n]`: the largest multiple of n not above 256; bytes at or above it would bias `% n`. */
const LIMIT_8: Uint16Array = Uint16Array.from({ length: 257 }, (_, n) => (n === 0 ? 0 : 256 - (256 % n)));

/**
 * Draws uniformly distributed integers from a {@link RandomSource}. Bytes are fetched in batches
 * (one `fill` call per {@link BATCH_BYTES}) and turned into integers by rejection sampling: a draw
 * that would fall in the incomplete last block of the byte range is discarded, so `int(n)` gives
 * every value in `[0, n)` exactly the same probability. A draw is rejected with probability below
 * 1/2, so the expected number of draws per integer is below 2; after 128 rejections in a row the
 * source is taken for broken (`PassrotateError` `random_source_failure`) instead of looping forever.
 *
 * @example
 * ```ts
 * const reader = new RandomReader(cryptoRandomSource);
 * reader.int(6); // 0…5, each with probability 1/6
 * ```
 */
export class RandomReader {
  /** The source this reader draws from. */
  readonly source: RandomSource;
  private readonly buffer: Uint8Array;
  private position: number;

  /** Wraps `source`; nothing is drawn until the first call. */
  constructor(source: RandomSource) {
    this.source = source;
    this.buffer = new Uint8Array(BATCH_BYTES);
    this.position = BATCH_BYTES;
  }

  /**
   * One uniformly random byte.
   *
   * @example
   * ```ts
   * new RandomReader(cryptoRandomSource).byte(); // 0…255
   * ```
   */
  byte(): number {
    if (this.position === BATCH_BYTES) {
      this.source.fill(this.buffer);
      this.position = 0;
    }
    return this.buffer[this.position++] as number;
  }

  /**
   * A uniformly random integer in `[0, n)` by rejection sampling (1, 2 or 4 bytes per draw).
   *
   * @param n - the number of outcomes, an integer from 1 to 2^32.
   * @throws RangeError when `n` is not such an integer.
   * @example
   * ```ts
   * new RandomReader(cryptoRandomSource).int(94); // index into a 94-character pool
   * ```
   */
  int(n: number): number {
    if (n <= 256) {
      const limit = LIMIT_8[n];
      if (limit === undefined || limit === 0) throw new RangeError(`int(n) needs an integer n ≥ 1, got ${n}`);
      let value = this.byte();
      for (let rejected = 0; value >= limit; rejected++) {
        if (rejected === MAX_REJECTIONS) brokenSource();
        value = this.byte();
      }
      return value % n;
    }
    if (n <= 65_536) {
      const limit = 65_536 - (65_536 % n);
      let value = (this.byte() << 8) | this.byte();
      for (let rejected = 0; value >= limit; rejected++) {
        if (rejected === MAX_REJECTIONS) brokenSource();
        value = (this.byte() << 8) | this.byte();
      }
      return value % n;
    }
    if (n > TWO_POW_32 || !Number.isInteger(n)) {
      throw new RangeError(`int(n) needs an integer n ≤ 2^32, got ${n}`);
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let value = this.uint32();
    for (let rejected = 0; value >= limit; rejected++) {
      if (rejected === MAX_REJECTIONS) brokenSource();
      value = this.uint32();
    }
    return value % n;
  }

  /**
   * A uniformly random character of a pool through its byte table (see `byteTable`): bytes whose
   * entry is 0 are rejected and redrawn, every other entry is equally likely. Avoids a division.
   *
   * @example
   * ```ts
   * reader.pick(byteTable([0x61, 0x62, 0x63]) as Uint16Array); // 0x61, 0x62 or 0x63
   * ```
   */
  pick(byByte: Uint16Array): number {
    let code = byByte[this.byte()] as number;
    for (let rejected = 0; code === 0; rejected++) {
      if (rejected === MAX_REJECTIONS) brokenSource();
      code = byByte[this.byte()] as number;
    }
    return code;
  }

  /**
   * Sets `out[0 … count-1]` to characters drawn with {@link RandomReader.pick}, except the indexes
   * whose bit is set in `skip` (bit i for index i, so `count` ≤ 32), which are left as they are. The
   * hot loop of the password generator, with the buffer state kept in locals.
   *
   * @example
   * ```ts
   * const out = [0x41, 0, 0x42];
   * reader.pickInto(table, 3, 0b101, out); // out[1] drawn; out[0] and out[2] kept
   * ```
   */
  pickInto(byByte: Uint16Array, count: number, skip: number, out: number[]): void {
    const buffer = this.buffer;
    let position = this.position;
    for (let i = 0; i < count; i++) {
      if ((skip & (1 << i)) !== 0) continue;
      if (position === BATCH_BYTES) {
        this.source.fill(buffer);
        position = 0;
      }
      let code = byByte[buffer[position++] as number] as number;
      for (let rejected = 0; code === 0; rejected++) {
        if (rejected === MAX_REJECTIONS) brokenSource();
        if (position === BATCH_BYTES) {
          this.source.fill(buffer);
          position = 0;
        }
        code = byByte[buffer[position++] as number] as number;
      }
      out[i] = code;
    }
    this.position = position;
  }

  /**
   * Shuffles `items` in place with the Fisher–Yates algorithm (every permutation equally likely).
   *
   * @example
   * ```ts
   * new RandomReader(cryptoRandomSource).shuffle([1, 2, 3]); // e.g. [3, 1, 2]
   * ```
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const item = items[i] as T;
      items[i] = items[j] as T;
      items[j] = item;
    }
    return items;
  }

  private uint32(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0;
  }
}

const readers = new WeakMap<RandomSource, RandomReader>();
let lastReader: RandomReader | undefined;

/**
 * The buffered reader for `source`, created on first use and kept as long as the source lives, so
 * consecutive generations share one batch of bytes. A seeded source therefore yields a repeatable
 * sequence of outputs for a repeatable sequence of calls.
 *
 * @example
 * ```ts
 * readerFor(cryptoRandomSource).int(10);
 * ```
 */
export function readerFor(source: RandomSource): RandomReader {
  if (lastReader?.source === source) return lastReader;
  let reader = readers.get(source);
  if (reader === undefined) {
    reader = new RandomReader(source);
    readers.set(source, reader);
  }
  lastReader = reader;
  return reader;
}
