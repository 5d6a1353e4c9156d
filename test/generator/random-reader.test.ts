import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomReader, readerFor } from '../../src/generator/random-reader.js';
import { chiSquare, chiSquareCritical, seededSource } from '../support/seeded-source.js';

describe('RandomReader', () => {
  it('draws integers in [0, n) for every n from 1 to 2^32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.integer(), (n, seed) => {
        const reader = new RandomReader(seededSource(seed));
        for (let i = 0; i < 20; i++) {
          const value = reader.int(n);
          expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
        }
      }),
    );
  });

  it('refuses n that is not an integer in [1, 2^32]', () => {
    const reader = new RandomReader(seededSource(1));
    for (const n of [0, -3, 2.5, 2 ** 32 + 1, 70_000.5]) expect(() => reader.int(n)).toThrow(RangeError);
  });

  it('shuffles into a permutation of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const shuffled = new RandomReader(seededSource(seed)).shuffle([...items]);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('gives every permutation of four items the same chance (chi-square, 23 df)', () => {
    const reader = new RandomReader(seededSource(7));
    const counts = new Map<string, number>();
    for (let i = 0; i < 48_000; i++) {
      const key = reader.shuffle([0, 1, 2, 3]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareCritical(23));
  });

  it('is unbiased where a plain modulo is not (94 outcomes per byte, chi-square, 93 df)', () => {
    const reader = new RandomReader(seededSource(11));
    const source = seededSource(11);
    const fair = new Array<number>(94).fill(0);
    const naive = new Array<number>(94).fill(0);
    const bytes = new Uint8Array(1);
    for (let i = 0; i < 200_000; i++) {
      const value = reader.int(94);
      fair[value] = (fair[value] ?? 0) + 1;
      const b = source.fill(bytes)[0] as number;
      naive[b % 94] = (naive[b % 94] ?? 0) + 1;
    }
    expect(chiSquare(fair)).toBeLessThan(chiSquareCritical(93));
    // The test has power: `byte % 94` favours 0…67 (3 bytes each instead of 2) and is caught.
    expect(chiSquare(naive)).toBeGreaterThan(chiSquareCritical(93));
  });

  it('takes a source stuck on a rejected value for broken instead of looping forever', () => {
    const stuck = { fill: (bytes: Uint8Array) => bytes.fill(0xff) };
    const reader = new RandomReader(stuck);
    expect(() => reader.int(94)).toThrow(expect.objectContaining({ code: 'random_source_failure' }));
    expect(() => reader.int(1000)).toThrow(expect.objectContaining({ code: 'random_source_failure' }));
    expect(() => reader.int(100_000)).toThrow(expect.objectContaining({ code: 'random_source_failure' }));
    // A constant but accepted value is not detectable; it still terminates.
    const constant = new RandomReader({ fill: (bytes: Uint8Array) => bytes.fill(7) });
    expect([constant.int(94), constant.int(94)]).toEqual([7, 7]);
  });

  it('repeats its output for the same seed and shares one reader per source', () => {
    const a = new RandomReader(seededSource(5));
    const b = new RandomReader(seededSource(5));
    expect(Array.from({ length: 50 }, () => a.int(1000))).toEqual(
      Array.from({ length: 50 }, () => b.int(1000)),
    );
    const source = seededSource(9);
    expect(readerFor(source)).toBe(readerFor(source));
  });
});
