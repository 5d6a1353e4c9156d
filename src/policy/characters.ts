/** @module Character classification shared by the rules: case, digits, controls, the default special set. */
import type { CharacterClass } from './types.js';

/**
 * The default special set: all 32 ASCII punctuation characters, in code point order.
 *
 * @example
 * ```ts
 * DEFAULT_SPECIAL_CHARACTERS.includes(','); // true
 * ```
 */
export const DEFAULT_SPECIAL_CHARACTERS: string = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * The printable ASCII characters U+0020 (space) to U+007E (`~`).
 *
 * @example
 * ```ts
 * PRINTABLE_ASCII.length; // 95
 * ```
 */
export const PRINTABLE_ASCII: string = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(
  '',
);

const UPPER = /^[\p{Lu}\p{Lt}]$/u;
const LOWER = /^\p{Ll}$/u;
const DIGIT = /^\p{Nd}$/u;

/**
 * The case/digit class of one code point, or `null` for everything else (punctuation, symbols,
 * letters without case). ASCII is answered without regular expressions.
 *
 * @example
 * ```ts
 * letterOrDigitClass(0x45); // 'uppercase' (E)
 * letterOrDigitClass(0xdf); // 'lowercase' (ß)
 * ```
 */
export function letterOrDigitClass(codePoint: number): Exclude<CharacterClass, 'special'> | null {
  if (codePoint < 0x80) {
    if (codePoint >= 0x61 && codePoint <= 0x7a) return 'lowercase';
    if (codePoint >= 0x41 && codePoint <= 0x5a) return 'uppercase';
    if (codePoint >= 0x30 && codePoint <= 0x39) return 'digit';
    return null;
  }
  const ch = String.fromCodePoint(codePoint);
  if (LOWER.test(ch)) return 'lowercase';
  if (UPPER.test(ch)) return 'uppercase';
  if (DIGIT.test(ch)) return 'digit';
  return null;
}

/**
 * `true` for a character that is always refused: C0 controls (TAB, CR, LF…), DEL, C1 controls and
 * the Unicode line/paragraph separators U+2028/U+2029. Mail servers refuse these at login.
 *
 * @example
 * ```ts
 * isControl(0x09); // true (TAB)
 * ```
 */
export function isControl(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029
  );
}

/**
 * The distinct code points of `text`, sorted, as a string (used to canonicalise character sets).
 *
 * @example
 * ```ts
 * canonicalSet('cba!a'); // '!abc'
 * ```
 */
export function canonicalSet(text: string): string {
  const points = [...new Set(Array.from(text, (c) => c.codePointAt(0) as number))].sort((a, b) => a - b);
  return String.fromCodePoint(...points);
}
