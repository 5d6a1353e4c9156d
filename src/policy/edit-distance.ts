/** @module Levenshtein distance over code points, bounded so the work stays small. */

/**
 * The Levenshtein distance between `a` and `b` (arrays of code points), or `bound` when it is at
 * least `bound`. Stops early once every cell of a row reaches the bound.
 *
 * @example
 * ```ts
 * boundedEditDistance([...'kitten'].map((c) => c.codePointAt(0)!), [...'sitting'].map((c) => c.codePointAt(0)!), 5); // 3
 * ```
 */
export function boundedEditDistance(a: readonly number[], b: readonly number[], bound: number): number {
  if (Math.abs(a.length - b.length) >= bound) return bound;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (curr[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= bound) return bound;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[b.length] as number, bound);
}
