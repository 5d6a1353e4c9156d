/** @module Rule: the common-password blocklist (bundled list, decorated forms) and the policy's extra words. */
import { isCommonPassword } from '../blocklist/common-password-set.js';
import type { PolicyRule } from '../rule.js';

/**
 * `common_password`: the bundled list of 20,000 common passwords (exact, case-insensitive, or once
 * end digits/symbols and leet substitutions are undone, so `Summer2025!` and `Dr4gon#1` are
 * refused), and any password that contains one of the policy's `blockedWords` (any case, or in leet).
 *
 * @example
 * ```ts
 * commonPasswordRule.requirements(presets.nist); // [{ code: 'common_password' }]
 * ```
 */
export const commonPasswordRule: PolicyRule = {
  codes: ['common_password'],
  requirements: (p) => (p.blocklist || p.blockedWords.length > 0 ? [{ code: 'common_password' }] : []),
  passwordRules: () => [],
  check(input, out) {
    const { policy } = input;
    if (!policy.blocklist && policy.blockedWords.length === 0) return;
    if (policy.blocklist && isCommonPassword(input.password)) {
      out.push({ code: 'common_password' });
      return;
    }
    for (const word of input.compiled.blockedWords) {
      if (input.containsFolded(word)) {
        out.push({ code: 'common_password' });
        return;
      }
    }
  },
};
