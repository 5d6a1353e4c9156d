/** @module Undoes the usual decorations of a password: end digits and symbols, leet substitutions. */

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
 * Replaces leet characters by letters: 4,@→a 3→e 0→o $,5→s 7→t and 1→`one`.
 *
 * @example
 * ```ts
 * undoLeet('p4$$w0rd1', 'i'); // 'passwordi'
 * ```
 */
export function undoLeet(text: string, one: 'i' | 'l'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c === 0x31 ? one : (LEET.get(c) ?? text[i]);
  }
  return out;
}

function isLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isLetterOrDigit(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}

function trimWhile(text: string, keep: (c: number) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && !keep(text.charCodeAt(start))) start++;
  while (end > start && !keep(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Strips leading and trailing characters other than `a`–`z` (digits such as a year, symbols).
 *
 * @example
 * ```ts
 * trimToLetters('summer2025!'); // 'summer'
 * ```
 */
export function trimToLetters(lowered: string): string {
  return trimWhile(lowered, isLetter);
}

/**
 * Strips leading and trailing characters other than `a`–`z` and `0`–`9`.
 *
 * @example
 * ```ts
 * trimSymbols('123456!'); // '123456'
 * ```
 */
export function trimSymbols(lowered: string): string {
  return trimWhile(lowered, isLetterOrDigit);
}
