/** @module The demo's password policy and hash target: the mail-host classic at production cost. */

import { createHasher, type Hasher } from '../../src/hash/node.js';
import type { PolicySpec } from '../../src/index.js';

/**
 * The spec of the `mailbox` preset (≥ 8 characters, upper, lower, digit, special, blocklist,
 * account check). The servers define the policy from it, and so does the browser bundle, from the
 * same JSON.
 */
export const DEMO_POLICY_SPEC: PolicySpec = {
  minLength: 8,
  maxLength: 128,
  minUppercase: 1,
  minLowercase: 1,
  minDigit: 1,
  minSpecial: 1,
  blocklist: true,
  accountCheck: true,
  historySize: 3,
};

/**
 * The production hasher: Argon2id at the OWASP default cost (m = 19,456 KiB, t = 2, p = 1), which
 * Dovecot verifies, computed by the worker-pool engine of `passrotate/hash` on Node (the `node`
 * entry) so the servers keep answering while hashing. Older schemes (e.g. SHA512-CRYPT rows of an imported Postfixadmin database) still verify
 * and are upgraded at the next login.
 *
 * @example
 * ```ts
 * const hasher = productionHasher();
 * ```
 */
export function productionHasher(): Hasher {
  return createHasher({ default: { scheme: 'ARGON2ID' } });
}
