import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../src/policy/edit-distance.js';

/** The textbook full-matrix Levenshtein distance. */
function levenshtein(a: readonly number[], b: readonly number[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.array(fc.integer({ min: 97, max: 100 }), { maxLength: 14 });

describe('boundedEditDistance', () => {
  it('equals min(Levenshtein, bound)', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 8 }), (a, b, bound) => {
        expect(boundedEditDistance(a, b, bound)).toBe(Math.min(levenshtein(a, b), bound));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays cheap on long near-identical inputs', () => {
    const a = Array.from({ length: 16_000 }, () => 97);
    const b = [...a.slice(1), 98];
    expect(boundedEditDistance(a, b, 64)).toBe(1);
    expect(boundedEditDistance(a, [98, ...a.slice(1)], 64)).toBe(1);
  });
});
