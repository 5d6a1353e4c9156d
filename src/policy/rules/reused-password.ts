/** @module Rule (async): the password must not be one of the last `historySize` passwords. */
import type { PolicyRule } from '../rule.js';

/**
 * `reused_password`: asks `context.previousHashes(candidate)` (a matcher over the stored hashes,
 * supplied by the caller) when the policy has `historySize > 0`. Run by `validatePasswordAsync`
 * only; skipped when the context has no matcher.
 *
 * @example
 * ```ts
 * reusedPasswordRule.requirements(presets.strict); // [{ code: 'reused_password', history: 5 }]
 * ```
 */
export const reusedPasswordRule: PolicyRule = {
  codes: ['reused_password'],
  requirements: (p) => (p.historySize > 0 ? [{ code: 'reused_password', history: p.historySize }] : []),
  passwordRules: () => [],
  async checkAsync({ policy, context, password }) {
    const matcher = context?.previousHashes;
    if (policy.historySize === 0 || matcher === undefined) return null;
    return (await matcher(password)) ? { code: 'reused_password', history: policy.historySize } : null;
  },
};
