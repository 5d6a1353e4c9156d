/** @module identifyHash: which scheme and parameters a stored hash uses, without any key derivation. */

import { parseStored } from './registry.js';
import type { HashInfo } from './types.js';

/**
 * Reads the scheme and cost parameters of a stored hash.
 *
 * @param stored - a Dovecot `{SCHEME}` string, crypt/MCF, PHC, passlib or Django hash.
 * @returns scheme, params, form and (for digests) the text encoding.
 * @throws PassrotateError `unknown_scheme`, `malformed_hash` or `unsupported_version`.
 *
 * @example
 * ```ts
 * identifyHash('{BLF-CRYPT}$2y$10$…'); // { scheme: 'BLF-CRYPT', params: { cost: 10 }, form: 'dovecot', writable: true }
 * ```
 */
export function identifyHash(stored: string): HashInfo {
  const { parsed, form } = parseStored(stored);
  return {
    scheme: parsed.scheme,
    params: parsed.params,
    form,
    writable: parsed.writable,
    ...(parsed.encoding === undefined ? {} : { encoding: parsed.encoding }),
  };
}
