/** @module The uppercase hex SHA-1 of a password's UTF-8 bytes, as breach corpora (HIBP) key them. */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The 40-character uppercase hex SHA-1 of `password` encoded as UTF-8 (the HIBP "Pwned Passwords"
 * key). SHA-1 is used here only as a lookup key into a public corpus, never to store passwords.
 *
 * @param password - the candidate.
 * @returns e.g. `5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8` for `password`.
 * @example
 * ```ts
 * passwordSha1Hex('password'); // '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8'
 * ```
 */
export function passwordSha1Hex(password: string): string {
  return bytesToHex(sha1(utf8ToBytes(password))).toUpperCase();
}

/**
 * Parses one corpus line `HASH[:COUNT]` (the HIBP downloader format; `\r` tolerated) into its
 * uppercase hash and count (1 when absent), or `null` when the line is not of that form.
 *
 * @param line - one line of the corpus.
 * @returns the parsed line or `null`.
 * @example
 * ```ts
 * parseBreachLine('5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8:10434004'); // { hash: '5BAA…', count: 10434004 }
 * ```
 */
export function parseBreachLine(line: string): { readonly hash: string; readonly count: number } | null {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const hash = text.slice(0, 40).toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(hash)) return null;
  if (text.length === 40) return { hash, count: 1 };
  if (text[40] !== ':') return null;
  const count = Number(text.slice(41));
  return Number.isSafeInteger(count) && count >= 0 ? { hash, count } : null;
}
