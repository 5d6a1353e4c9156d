/** @module Levenshtein distance over code points, banded so the work stays O(length × bound). */

/**
 * The Levenshtein distance between `a` and `b` (arrays of code points), or `bound` when it is at
 * least `bound`. Only the diagonal band of width `2 × bound + 1` is computed (Ukkonen), and the
 * computation stops once a whole row reaches the bound, so two 16,000-character inputs cost about
 * 16,000 × (2 × bound + 1) steps at most.
 *
 * @example
 * ```ts
 * const cp = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);
 * boundedEditDistance(cp('kitten'), cp('sitting'), 5); // 3
 * boundedEditDistance(cp('kitten'), cp('sitting'), 2); // 2 (at least the bound)
 * ```
 */
export function boundedEditDistance(a: readonly number[], b: readonly number[], bound: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) >= bound) return bound;
  let prev = new Array<number>(lb + 1);
  let curr = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = Math.min(j, bound);
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(lb, i + bound);
    curr[lo - 1] = lo === 1 ? Math.min(i, bound) : bound;
    let rowMin = curr[lo - 1] as number;
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (curr[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
        bound,
      );
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) curr[hi + 1] = bound;
    if (rowMin >= bound) return bound;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[lb] as number, bound);
}
