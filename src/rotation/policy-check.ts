/** @module Validates a new password against the policy with the mailbox's context and history. */

import type { ValidationContext, ValidationResult } from '../policy/types.js';
import { validatePasswordAsync } from '../policy/validate.js';
import type { MailboxRecord } from '../ports/credential-store.js';
import type { Runtime } from './runtime.js';

/**
 * Validates `password` for `record`'s owner: account and display-name checks, similarity to
 * `currentPassword` when known, reuse of the last `policy.historySize` passwords (the current one
 * included, verified with the hasher against the stored hashes), and breaches when configured.
 *
 * @example
 * ```ts
 * const result = await checkPolicy(rt, record, 'New-Secret-42', 'Old-Secret-41');
 * ```
 */
export async function checkPolicy(
  rt: Runtime,
  record: MailboxRecord,
  password: string,
  currentPassword: string | null,
): Promise<ValidationResult> {
  const { policy, hasher, breachChecker } = rt.deps;
  // The last `historySize` passwords include the current one. When the owner typed it, the policy's
  // `same_as_current` already covers it, so one key derivation is saved; an admin does not know it.
  const recent =
    currentPassword === null
      ? [record.passwordHash, ...record.previousHashes].slice(0, policy.historySize)
      : record.previousHashes.slice(0, Math.max(policy.historySize - 1, 0));
  const context: ValidationContext = {
    account: record.account,
    ...(record.displayName === null ? {} : { displayName: record.displayName }),
    ...(currentPassword === null ? {} : { currentPassword }),
    ...(recent.length === 0
      ? {}
      : {
          previousHashes: async (candidate: string) =>
            (await Promise.all(recent.map((h) => hasher.verify(candidate, h)))).some(Boolean),
        }),
    ...(breachChecker ? { breachChecker } : {}),
  };
  return validatePasswordAsync(policy, password, context);
}
