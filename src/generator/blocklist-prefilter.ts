/**
 * @module A cheap proof that a password cannot be on the bundled blocklist, so the generator can skip
 * the full lookup for almost every password it draws.
 */
import { COMMON_PASSWORDS } from '../policy/blocklist/common-passwords.js';

/** Leet characters the blocklist maps back to letters (`4 @ 3 0 $ 5 7 1`). */
const LEET = '4@3035$71';

interface ListShape {
  /** 1 at index c when ASCII code c appears in some entry or is a leet character. */
  readonly listed: Uint8Array;
  readonly longest: number;
}

let shape: ListShape | undefined;

function listShape(): ListShape {
  if (shape !== undefined) return shape;
  const listed = new Uint8Array(128);
  let longest = 0;
  for (const entry of COMMON_PASSWORDS.split('\n')) {
    if (entry.length > longest) longest = entry.length;
    for (let i = 0; i < entry.length; i++) {
      const c = entry.charCodeAt(i);
      if (c < 128) listed[c] = 1;
    }
  }
  for (let i = 0; i < LEET.length; i++) listed[LEET.charCodeAt(i)] = 1;
  shape = { listed, longest };
  return shape;
}

function isLowerAsciiLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * `false` only when `lowered` cannot match the bundled blocklist however its decorations are undone;
 * `true` means "maybe" (then the real lookup decides).
 *
 * Why this is sound: every form the blocklist looks up (the password, its letters-only core, its
 * alphanumeric core, and their leet-undone versions) is a stretch of the password that covers at
 * least the span from its first to its last ASCII letter, with leet characters possibly replaced by
 * letters one for one. So if that span is longer than the longest entry, or holds a character that is
 * neither a leet character nor used by any entry (e.g. `#`, `,`, `/`, `^`, `&`), nothing can match.
 * A random 16-character password over the 94 printable ASCII characters is cleared this way about
 * 96 % of the time. A test checks the claim against the real lookup.
 *
 * @example
 * ```ts
 * mayBeCommonPassword('dr4gon#1'); // true (the span 'dr4gon' is all listed characters)
 * mayBeCommonPassword('x#q9vl2mtz'); // false ('#' is in no entry)
 * ```
 */
export function mayBeCommonPassword(lowered: string): boolean {
  const { listed, longest } = listShape();
  let first = 0;
  while (first < lowered.length && !isLowerAsciiLetter(lowered.charCodeAt(first))) first++;
  let last = lowered.length - 1;
  while (last > first && !isLowerAsciiLetter(lowered.charCodeAt(last))) last--;
  if (first >= lowered.length) return true;
  if (last - first + 1 > longest) return false;
  for (let i = first + 1; i < last; i++) {
    const c = lowered.charCodeAt(i);
    if (c >= 128 || listed[c] === 0) return false;
  }
  return true;
}
