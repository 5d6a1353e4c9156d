/** @module Validates a new password against the policy with the mailbox's context and history. */

import type { ValidationContext, ValidationResult } from '../policy/types.js';
import { validatePasswordAsync } from '../policy/validate.js';
import type { MailboxRecord } from '../ports/credential-store.js';
import type { Runtime } from './runtime.js';

/**
 * Validates `password` for `record`'s owner: account and display-name checks, similarity to
 * `currentPassword` when known, reuse of the last `policy.historySize` passwords (verified with the
 * hasher against the stored hash and its history), and breaches when configured.
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
  // The current hash counts as the newest "previous" password (an admin does not know it).
  const recent = [record.passwordHash, ...record.previousHashes].slice(0, policy.historySize);
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
