/** @module Rule (async): the password must not appear in a breach corpus. */
import type { PolicyRule } from '../rule.js';

/**
 * `breached_password` with the number of occurrences: asks `context.breachChecker` when the policy
 * has `rejectBreached`. Run by `validatePasswordAsync` only; skipped when the context has no checker.
 *
 * @example
 * ```ts
 * breachedPasswordRule.requirements(definePolicy({ rejectBreached: true })); // [{ code: 'breached_password' }]
 * ```
 */
export const breachedPasswordRule: PolicyRule = {
  codes: ['breached_password'],
  requirements: (p) => (p.rejectBreached ? [{ code: 'breached_password' }] : []),
  passwordRules: () => [],
  async checkAsync({ policy, context, password }) {
    const checker = context?.breachChecker;
    if (!policy.rejectBreached || checker === undefined) return null;
    const occurrences = await checker.occurrences(password);
    return occurrences > 0 ? { code: 'breached_password', occurrences } : null;
  },
};
