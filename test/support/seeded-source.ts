/** @module A deterministic RandomSource for tests (xorshift32): repeatable, never for real secrets. */
import type { RandomSource } from '../../src/index.js';

/** A seeded source: the same seed always yields the same bytes. */
export function seededSource(seed: number): RandomSource {
  let state = seed >>> 0 || 1;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        bytes[i] = state & 0xff;
      }
      return bytes;
    },
  };
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
export function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

/**
 * Upper critical value of the chi-square distribution with `df` degrees of freedom at p = 0.001
 * (Wilson–Hilferty approximation, accurate to well under 1 % for df ≥ 10).
 */
export function chiSquareCritical(df: number): number {
  const z = 3.090232; // standard normal quantile at 0.999
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}
