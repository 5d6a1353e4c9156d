/**
 * @module A cheap proof that a password cannot be on the bundled blocklist, so the generator can skip
 * the full lookup for almost every password it draws.
 */
import { COMMON_PASSWORDS } from '../policy/blocklist/common-passwords.js';

/** What the blocklist's lookup may turn a leet character into (`1` becomes `i` or `l`). */
const LEET: Readonly<Record<string, string>> = {
  '4': 'a',
  '@': 'a',
  '3': 'e',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '1': 'il',
};

/**
 * Pair tables by minimum entry length: a lookup covering a span of n characters can only hit entries
 * of at least n characters, and long entries are few, so their pairs are a much sparser filter.
 */
const TIERS: readonly number[] = [0, 10, 13];

interface ListShape {
  /**
   * Per tier: 1 at `x * 128 + y` when ASCII `x` then `y` (each possibly un-leeted) stand next to each
   * other in an entry at least that tier's length.
   */
  readonly pairs: readonly Uint8Array[];
  readonly longest: number;
}

let shape: ListShape | undefined;

function pairTable(entries: readonly string[], forms: readonly (readonly number[])[]): Uint8Array {
  const listed = new Uint8Array(128 * 128);
  for (const entry of entries) {
    for (let i = 1; i < entry.length; i++) {
      const x = entry.charCodeAt(i - 1);
      const y = entry.charCodeAt(i);
      if (x < 128 && y < 128) listed[x * 128 + y] = 1;
    }
  }
  const pairs = new Uint8Array(128 * 128);
  for (let x = 0; x < 128; x++) {
    for (let y = 0; y < 128; y++) {
      for (const fx of forms[x] as readonly number[]) {
        for (const fy of forms[y] as readonly number[])
          if (listed[fx * 128 + fy] === 1) pairs[x * 128 + y] = 1;
      }
    }
  }
  return pairs;
}

function listShape(): ListShape {
  if (shape !== undefined) return shape;
  const entries = COMMON_PASSWORDS.split('\n');
  const forms = Array.from({ length: 128 }, (_, c) => [
    c,
    ...Array.from(LEET[String.fromCharCode(c)] ?? '', (l) => l.charCodeAt(0)),
  ]);
  const pairs = TIERS.map((tier) =>
    pairTable(
      entries.filter((e) => e.length >= tier),
      forms,
    ),
  );
  shape = { pairs, longest: Math.max(...entries.map((e) => e.length)) };
  return shape;
}

/** Lowercases an ASCII letter code, leaves every other code alone. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/**
 * `false` only when `password` cannot match the bundled blocklist however its decorations are undone;
 * `true` means "maybe" (then the real lookup decides). Case is ignored, as the blocklist does.
 *
 * Why this is sound: every form the blocklist looks up (the lowercased password, its letters-only
 * core, its alphanumeric core, and their leet-undone versions) is a stretch of the password covering
 * at least the span from its first to its last ASCII letter, with leet characters possibly replaced
 * by letters one for one. So if that span is longer than the longest entry, or holds two neighbours
 * that stand next to each other in no entry at least as long as the span (even after undoing
 * leet), nothing can match. A random
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
  const { pairs: allPairs, longest } = listShape();
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
  let previous = lower(password.charCodeAt(first));
  for (let i = first + 1; i <= last; i++) {
    const c = lower(password.charCodeAt(i));
    if (c >= 128 || pairs[previous * 128 + c] === 0) return false;
    previous = c;
  }
  return true;
}
