/** @module Case and leet folding, so `P@ssw0rd`, `PASSWORD` and `pa55word` compare as one word. */

/**
 * FOLD[c] for an ASCII code unit: lowercase, then leet undone (4,@→a 3→e 0→o 1→i $,5→s 7→t) and
 * `l` merged with `i` (since `1` stands for both). Other code units fold to themselves.
 *
 * @example
 * ```ts
 * String.fromCharCode(FOLD['4'.charCodeAt(0)]); // 'a'
 * ```
 */
export const FOLD: Uint16Array = (() => {
  const table = new Uint16Array(128);
  for (let c = 0; c < 128; c++) table[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  const map: Record<string, string> = {
    '4': 'a',
    '@': 'a',
    '3': 'e',
    '0': 'o',
    '1': 'i',
    l: 'i',
    $: 's',
    '5': 's',
    '7': 't',
  };
  for (const [from, to] of Object.entries(map)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  table[0x4c] = 0x69; // L → i
  return table;
})();

/**
 * The folded form of `text` (lowercased first; non-ASCII characters are kept as lowercased).
 *
 * @example
 * ```ts
 * foldText('P@ssw0rd'); // 'password'
 * foldText('Alice'); // 'aiice'
 * ```
 */
export function foldText(text: string): string {
  const lowered = text.toLowerCase();
  let out = '';
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered.charCodeAt(i);
    out += c < 128 ? String.fromCharCode(FOLD[c] as number) : lowered[i];
  }
  return out;
}

/**
 * Whether the folded form of the ASCII-only `password` contains the folded `word`, without
 * building any string.
 *
 * @example
 * ```ts
 * containsFoldedAscii('My-4l1ce!', foldText('alice')); // true
 * ```
 */
export function containsFoldedAscii(password: string, word: string): boolean {
  const n = password.length;
  const m = word.length;
  if (m === 0) return true;
  const first = word.charCodeAt(0);
  outer: for (let start = 0; start + m <= n; start++) {
    if (FOLD[password.charCodeAt(start)] !== first) continue;
    for (let j = 1; j < m; j++) {
      if (FOLD[password.charCodeAt(start + j)] !== word.charCodeAt(j)) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Whether the folded ASCII `password` holds the folded `word` at `start`.
 *
 * @example
 * ```ts
 * matchesFoldedAt('xx4L1CE', 2, 'aiice'); // true
 * ```
 */
export function matchesFoldedAt(password: string, start: number, word: string): boolean {
  const m = word.length;
  if (start + m > password.length) return false;
  for (let j = 0; j < m; j++) if (FOLD[password.charCodeAt(start + j)] !== word.charCodeAt(j)) return false;
  return true;
}
