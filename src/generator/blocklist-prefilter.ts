/** @module A cheap proof that a password cannot be on the bundled blocklist, so the generator can skip the full lookup for almost every password it draws. */
import { commonPasswordList } from '../policy/blocklist/common-password-list.js';
import { FOLD } from '../policy/fold.js';

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

/**
 * One pass over the list, folding each character as `foldText` would (lowercase, then `FOLD` for
 * ASCII) without building a string per entry: this runs on the first generated password.
 */
function listShape(): ListShape | null {
  if (shape !== undefined) return shape;
  const list = commonPasswordList();
  if (list === null) return null;
  const lowered = list.toLowerCase();
  const pairs = TIERS.map(() => new Uint8Array(128 * 128));
  let longest = 0;
  let nonAscii = false;
  for (let start = 0; start <= lowered.length; ) {
    const newline = lowered.indexOf('\n', start);
    const end = newline === -1 ? lowered.length : newline;
    if (end - start > longest) longest = end - start;
    let tiers = 0;
    while (tiers < TIERS.length && (TIERS[tiers] as number) <= end - start) tiers++;
    let previous = -1;
    for (let i = start; i < end; i++) {
      const raw = lowered.charCodeAt(i);
      if (raw >= 128) {
        nonAscii = true;
        previous = -1;
        continue;
      }
      const c = FOLD[raw] as number;
      if (previous >= 0) for (let t = 0; t < tiers; t++) (pairs[t] as Uint8Array)[previous * 128 + c] = 1;
      previous = c;
    }
    start = end + 1;
  }
  shape = { pairs, longest, nonAscii };
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
