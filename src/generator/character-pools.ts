/** @module The character pools the password generator draws from, and the named subsets it can avoid. */

/**
 * The 26 ASCII uppercase letters.
 *
 * @example
 * ```ts
 * UPPERCASE_LETTERS.length; // 26
 * ```
 */
export const UPPERCASE_LETTERS: string = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The 26 ASCII lowercase letters.
 *
 * @example
 * ```ts
 * LOWERCASE_LETTERS.length; // 26
 * ```
 */
export const LOWERCASE_LETTERS: string = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The ten ASCII digits.
 *
 * @example
 * ```ts
 * DIGITS.length; // 10
 * ```
 */
export const DIGITS: string = '0123456789';

/**
 * Characters that are easily mistaken for one another when a password is read aloud, printed or
 * copied by hand: zero and the letter O (both cases), one, capital i, small L, and the pipe.
 * Removed from every pool by the generator's `excludeLookAlikes` option.
 *
 * @example
 * ```ts
 * generatePassword(presets.mailbox, { excludeLookAlikes: true }); // never contains 0 O o 1 I l |
 * ```
 */
export const LOOK_ALIKE_CHARACTERS: string = '0O1Il|o';

/**
 * The special characters that survive every place a mailbox password travels without quoting or
 * escaping, chosen by elimination from the 32 ASCII punctuation characters:
 *
 * - IMAP (RFC 3501 §9) `LOGIN` as an atom: no atom-specials `( ) { % * " \ ]` and no space;
 * - a URL's userinfo (`imap://user:password@host`, RFC 3986 §3.2.1): only unreserved characters and
 *   sub-delims, so no `: / ? # [ ] @ %`; form encoding also turns `+` into a space and splits on `&`;
 * - a shell command line inside double quotes: no `$`, `` ` ``, `\`, `"` or `!` (history expansion),
 *   and no `'`, `<`, `>`, `|` that break single-quoted or unquoted use;
 * - SQL, JSON, XML and HTML string literals: no `'`, `"`, `\`, `&`, `<`, `>`;
 * - configuration files: no `#` (comments).
 *
 * What remains is `, - . ; = _ ~` (7 characters). Use it with the generator's
 * `specials: 'mail-safe'` option when passwords are handed to users who type them into many clients.
 *
 * @example
 * ```ts
 * generatePassword(presets.mailbox, { specials: 'mail-safe' }); // e.g. 'k7;Xb=Pq2_Tz-mWe'
 * ```
 */
export const MAIL_SAFE_SPECIAL_CHARACTERS: string = ',-.;=_~';
