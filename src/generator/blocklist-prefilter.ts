/** @module A cheap proof that a password cannot be on the bundled blocklist, so the generator can skip the full lookup for almost every password it draws. */
import { commonPasswordList } from '../policy/blocklist/common-password-list.js';
import { FOLD, foldText } from '../policy/fold.js';

/**
 * Pair tables by minimum entry length: a lookup covering a span of n characters can only hit entries
 * of at least n characters, and long entries are few, so their pairs are a much sparser filter.
 */
const TIERS: readonly number[] = [0, 10, 13];

interface ListShape {
  /**
   * Per tier: 1 at `x * 128 + y` when the folded ASCII characters `x` then `y` stand next to each
   * other in a folded entry at least that tier's length.
   */
  readonly pairs: readonly Uint8Array[];
  readonly longest: number;
  /** Some entry has a non-ASCII character (then such characters cannot clear a password). */
  readonly nonAscii: boolean;
}

let shape: ListShape | undefined;

function listShape(): ListShape | null {
  if (shape !== undefined) return shape;
  const list = commonPasswordList();
  if (list === null) return null;
  const entries = list.split('\n').map(foldText);
  const pairs = TIERS.map((tier) => {
    const table = new Uint8Array(128 * 128);
    for (const entry of entries) {
      if (entry.length < tier) continue;
      for (let i = 1; i < entry.length; i++) {
        const x = entry.charCodeAt(i - 1);
        const y = entry.charCodeAt(i);
        if (x < 128 && y < 128) table[x * 128 + y] = 1;
      }
    }
    return table;
  });
  shape = {
    pairs,
    longest: Math.max(...entries.map((e) => e.length)),
    nonAscii: entries.some((e) => /[^\0-\x7f]/.test(e)),
  };
  return shape;
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/**
 * `false` only when `password` cannot match the bundled blocklist however its decorations are undone;
 * `true` means "maybe" (then the real lookup decides). Case is ignored, as the blocklist does.
 *
 * Why this is sound: every form the blocklist looks up is a stretch of the password, with at most a
 * few digits or symbols stripped from each end, that covers at least the span from its first to its
 * last ASCII letter, case- and leet-folded character by character (`fold.ts`), and it matches only
 * an entry folded the same way. So if that span is longer than the longest entry, or holds two
 * folded neighbours that stand next to each other in no folded entry at least as long as the span,
 * nothing can match. A random
 * 16-character password over the 94 printable ASCII characters is almost always cleared this way;
 * a test checks the claim against the real lookup.
 *
 * @example
 * ```ts
 * mayBeCommonPassword('Dr4gon#1'); // true (the span 'dr4gon' could be 'dragon')
 * mayBeCommonPassword('x#q9vl2mtz'); // false ('x#' is in no entry)
 * ```
 */
export function mayBeCommonPassword(password: string): boolean {
  const found = listShape();
  // Without the list the lookup itself answers `false`.
  if (found === null) return true;
  const { pairs: allPairs, longest, nonAscii } = found;
  let first = 0;
  while (first < password.length && !isAsciiLetter(password.charCodeAt(first))) first++;
  if (first >= password.length) return true;
  let last = password.length - 1;
  while (last > first && !isAsciiLetter(password.charCodeAt(last))) last--;
  const span = last - first + 1;
  if (span > longest) return false;
  let tier = TIERS.length - 1;
  while ((TIERS[tier] as number) > span) tier--;
  const pairs = allPairs[tier] as Uint8Array;
  let previous = FOLD[password.charCodeAt(first)] as number;
  for (let i = first + 1; i <= last; i++) {
    const raw = password.charCodeAt(i);
    if (raw >= 128) {
      if (!nonAscii) return false;
      previous = -1;
      continue;
    }
    const c = FOLD[raw] as number;
    if (previous >= 0 && pairs[previous * 128 + c] === 0) return false;
    previous = c;
  }
  return true;
}
