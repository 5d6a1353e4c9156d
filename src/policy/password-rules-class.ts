/** @module Writes a character set as a `passwordrules` custom class (`[-…]]`), following Apple's parser. */

/**
 * The `passwordrules` custom class for `characters`: only ASCII printable characters can be
 * expressed (others are dropped); `-` goes first and `]` last, the only places Apple's parser
 * (password-manager-resources `PasswordRulesParser.js`) reads them literally. `null` when nothing
 * is expressible.
 *
 * @example
 * ```ts
 * customClass(',./!-]'); // '[-!,./]]'
 * ```
 */
export function customClass(characters: string): string | null {
  let dash = false;
  let bracket = false;
  let middle = '';
  for (let cp = 0x20; cp <= 0x7e; cp++) {
    const ch = String.fromCharCode(cp);
    if (!characters.includes(ch)) continue;
    if (ch === '-') dash = true;
    else if (ch === ']') bracket = true;
    else middle += ch;
  }
  if (!dash && !bracket && middle === '') return null;
  return `[${dash ? '-' : ''}${middle}${bracket ? ']' : ''}]`;
}
