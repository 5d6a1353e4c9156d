/** @module Refuses header values that could inject headers or extra recipients. */
import { PassrotateError } from '../../errors.js';

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
/** A bare `local@domain`: no spaces, commas, quotes, angle brackets or comments that add recipients. */
const BARE_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+$/;

/**
 * Throws a `TypeError` when a header value (a name, a subject) contains a line break.
 *
 * @example
 * ```ts
 * assertSingleLine('Mail service', 'from.name');
 * ```
 */
export function assertSingleLine(value: string, what: string): void {
  if (LINE_BREAK.test(value) || value.includes('\0'))
    throw new TypeError(`smtpNotifier: ${what} must not contain a line break`);
}

/**
 * Throws `invalid_recipient` unless `address` is one bare `local@domain` (so a crafted account name
 * cannot add a header or a second recipient). The address itself is not in the message.
 *
 * @example
 * ```ts
 * assertBareAddress('alice@example.org', 'recipient');
 * ```
 */
export function assertBareAddress(address: string, what: string): void {
  if (address.length > 320 || !BARE_ADDRESS.test(address) || address.includes('\0')) {
    throw new PassrotateError('invalid_recipient', `smtpNotifier: ${what} is not a single bare address`);
  }
}
