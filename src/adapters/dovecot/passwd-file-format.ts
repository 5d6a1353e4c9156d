/** @module Dovecot passwd-file lines: `user:password:uid:gid:gecos:home:shell:extra_fields`. */
import { PassrotateError } from '../../errors.js';

/**
 * One line of a passwd-file: an entry, or anything else (comment, blank) kept verbatim.
 *
 * @example
 * ```ts
 * const line: PasswdLine = { kind: 'entry', user: 'alice@example.org', password: '{PLAIN}x', rest: '::::::' };
 * const comment: PasswdLine = { kind: 'other', text: '# managed by passrotate' };
 * ```
 */
export type PasswdLine =
  | { readonly kind: 'entry'; readonly user: string; readonly password: string; readonly rest: string | null }
  | { readonly kind: 'other'; readonly text: string };

/**
 * Splits a passwd-file into lines. An entry keeps everything after the password field (`rest`,
 * without its leading colon, or `null` when the line stops at the password) untouched, so other
 * fields — including extra fields that contain colons, like `userdb_mail=maildir:~/Maildir` —
 * survive a rewrite byte for byte.
 *
 * @example
 * ```ts
 * parsePasswdFile('alice@example.org:{PLAIN}x::::::\n');
 * ```
 */
export function parsePasswdFile(text: string): PasswdLine[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line): PasswdLine => {
    if (line.trim() === '' || line.startsWith('#')) return { kind: 'other', text: line };
    const first = line.indexOf(':');
    if (first <= 0) return { kind: 'other', text: line };
    const second = line.indexOf(':', first + 1);
    return {
      kind: 'entry',
      user: line.slice(0, first),
      password: second < 0 ? line.slice(first + 1) : line.slice(first + 1, second),
      rest: second < 0 ? null : line.slice(second + 1),
    };
  });
}

/**
 * Joins lines back into file text (one trailing newline).
 *
 * @example
 * ```ts
 * formatPasswdFile(parsePasswdFile(text)) === text; // for a text ending in a newline
 * ```
 */
export function formatPasswdFile(lines: readonly PasswdLine[]): string {
  return lines
    .map((l) =>
      l.kind === 'other' ? l.text : `${l.user}:${l.password}${l.rest === null ? '' : `:${l.rest}`}`,
    )
    .map((l) => `${l}\n`)
    .join('');
}

/**
 * The fields after the password: uid, gid, gecos, home, shell, then the extra fields (which may
 * contain colons).
 *
 * @example
 * ```ts
 * splitRest('1000:1000:Alice:/home/alice::nologin').gecos; // 'Alice'
 * ```
 */
export function splitRest(rest: string | null): {
  readonly gecos: string;
  readonly extra: readonly string[];
} {
  if (rest === null) return { gecos: '', extra: [] };
  const parts = rest.split(':');
  const extra = parts.slice(5).join(':');
  return { gecos: parts[2] ?? '', extra: extra === '' ? [] : extra.split(/\s+/).filter(Boolean) };
}

/**
 * Checks a value can sit in a passwd-file field (no colon, no line break).
 *
 * @throws TypeError otherwise (the message names the field, never the value).
 * @example
 * ```ts
 * checkField('{SHA512-CRYPT}$6$…', 'passwordHash');
 * ```
 */
export function checkField(value: string, field: string): void {
  if (/[:\r\n]/.test(value))
    throw new TypeError(`${field} cannot contain ':' or a line break in a passwd-file`);
}

/**
 * Checks an account can be written as the user field of a new passwd-file line: no colon, no
 * control character (NUL, line breaks, tabs, DEL, C1) and no leading `#` (which would turn the line
 * into a comment: the mailbox would be reported created yet never exist).
 *
 * @throws PassrotateError `invalid_account` otherwise (the message never contains the value).
 * @example
 * ```ts
 * checkAccountName('alice@example.org');
 * ```
 */
export function checkAccountName(account: string): void {
  if (account.startsWith('#') || /[:\p{Cc}]/u.test(account)) {
    throw new PassrotateError(
      'invalid_account',
      "account cannot start with '#' or contain ':' or a control character in a passwd-file",
    );
  }
}
