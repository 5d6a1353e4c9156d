/** @module The common-password list as a sorted array of folded words, and the decorated-match lookup. */
import { FOLD } from '../fold.js';
import { commonPasswordList } from './common-password-list.js';

/** Decorated forms shorter than this are not looked up (too many false refusals otherwise). */
const MIN_CORE = 4;
/** At most this many decoration characters (digits, symbols) are stripped from each end. */
const MAX_DECORATION = 6;

/** The folded words, distinct and sorted by UTF-16 code unit (as the list comes). */
let words: readonly string[] | null = null;

function foldedCode(c: number): number {
  return c < 128 ? (FOLD[c] as number) : c;
}

/** Whether `sorted` holds `word` (binary search). */
function has(sorted: readonly string[], word: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const probe = sorted[middle] as string;
    if (probe === word) return true;
    if (probe < word) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Splits the list on first use (so importing the library costs nothing until then); `null` while
 * no entry has provided the list (see `common-password-list.ts`). The list comes folded, distinct
 * and sorted (`common-passwords-folded.ts`), so nothing else is done with it at start.
 */
function commonPasswords(): readonly string[] | null {
  const list = commonPasswordList();
  if (words === null && list !== null) words = list.split('\n');
  return words;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * `true` when `password` is a common password: compared case-insensitively with leet undone
 * (4,@→a 3→e 0→o 1→i/l $,5→s 7→t), either whole or once up to six leading and trailing digits and
 * symbols are stripped (`Summer2025!`, `Dr4gon#1`, `!!Monkey1999`). The password is folded once
 * and each candidate (at most 7 × 7 of them) is binary-searched in the sorted folded list. Because
 * `1` stands for both `i` and `l`, `l` and `i` compare equal.
 *
 * `false` while the list is not there yet (a browser page before `loadCommonPasswords`).
 *
 * @example
 * ```ts
 * isCommonPassword('Dr4gon#1'); // true
 * ```
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  if (list === null) return false;
  const n = password.length;
  let lead = 0;
  while (lead < n && lead < MAX_DECORATION && !isLetter(password.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < n && trail < MAX_DECORATION && !isLetter(password.charCodeAt(n - 1 - trail))) trail++;
  let folded = '';
  for (let i = 0; i < n; i++) folded += String.fromCharCode(foldedCode(password.charCodeAt(i)));
  for (let a = 0; a <= lead; a++) {
    for (let end = Math.max(a + MIN_CORE, n - trail); end <= n; end++) {
      if (has(list, folded.slice(a, end))) return true;
    }
  }
  return false;
}

/**
 * How many distinct folded entries the list has (0 while it is not there).
 *
 * @example
 * ```ts
 * commonPasswordCount(); // 19906 (20,000 words, some equal once folded)
 * ```
 */
export function commonPasswordCount(): number {
  return commonPasswords()?.length ?? 0;
}

/**
 * Whether the common-password list is there, i.e. whether `common_password` can be judged.
 *
 * @example
 * ```ts
 * commonPasswordsLoaded(); // true after the root entry's definePolicy or loadCommonPasswords()
 * ```
 */
export function commonPasswordsLoaded(): boolean {
  return commonPasswordList() !== null;
}
