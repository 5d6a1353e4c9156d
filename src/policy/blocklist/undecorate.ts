/** @module Undoes leet substitutions (4→a, 3→e, 0→o, 1→i/l, $→s, @→a, 5→s, 7→t). */

/** Leet substitutions undone (ASCII code → letter); `1` is tried as both `i` and `l`. */
const LEET = new Map<number, string>([
  [0x34, 'a'], // 4
  [0x40, 'a'], // @
  [0x33, 'e'], // 3
  [0x30, 'o'], // 0
  [0x24, 's'], // $
  [0x35, 's'], // 5
  [0x37, 't'], // 7
]);

/**
 * `true` when `text` holds a character that {@link undoLeet} would change.
 *
 * @example
 * ```ts
 * hasLeet('dr4gon'); // true
 * ```
 */
export function hasLeet(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x31 || LEET.has(c)) return true;
  }
  return false;
}

/**
 * Replaces leet characters by letters: 4,@→a 3→e 0→o $,5→s 7→t, and each `1` by `i`, or by `l`
 * when its bit in `ones` is set (bit 0 for the first `1`; from the 31st on, the last bit decides).
 *
 * @example
 * ```ts
 * undoLeet('5m113', 0b10); // 'smile'
 * ```
 */
export function undoLeet(text: string, ones: number): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x31) {
      out += (ones >>> Math.min(k, 30)) & 1 ? 'l' : 'i';
      k++;
    } else {
      out += LEET.get(c) ?? text[i];
    }
  }
  return out;
}

/**
 * Which `undoLeet` variants to try for `text`: every i/l choice for up to five `1`s, else
 * just all-`i` and all-`l`.
 *
 * @example
 * ```ts
 * leetVariants('5m113'); // [0, 1, 2, 3]
 * ```
 */
export function leetVariants(text: string): readonly number[] {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x31) count++;
  if (count === 0) return NO_ONES;
  if (count > 5) return ALL_OR_NOTHING;
  return VARIANTS[count] as readonly number[];
}

const NO_ONES: readonly number[] = [0];
const ALL_OR_NOTHING: readonly number[] = [0, 0x7fffffff];
const VARIANTS: readonly (readonly number[])[] = [0, 1, 2, 3, 4, 5].map((k) =>
  Array.from({ length: 2 ** k }, (_, m) => m),
);
