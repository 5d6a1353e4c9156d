/** @module Rule: the password must match each of the policy's regular expressions (`patterns`). */
import type { PolicyRule } from '../rule.js';

/**
 * `pattern_mismatch` with the rule's id, index and messages, once per unmatched pattern. Not waived
 * by `passphraseLength`. `passwordrules` cannot express a regular expression, so it adds nothing.
 *
 * @example
 * ```ts
 * patternRule.requirements(definePolicy({ patterns: [{ regex: /[0-9]/, id: 'digit' }] }));
 * // [{ code: 'pattern_mismatch', id: 'digit', index: 0, message: null }]
 * ```
 */
export const patternRule: PolicyRule = {
  codes: ['pattern_mismatch'],
  requirements: (p) =>
    p.patterns.map((rule, index) => ({
      code: 'pattern_mismatch',
      id: rule.id,
      index,
      message: rule.message,
    })),
  passwordRules: () => [],
  check({ policy, compiled, password }, out) {
    const patterns = compiled.patterns;
    for (let index = 0; index < patterns.length; index++) {
      if ((patterns[index] as RegExp).test(password)) continue;
      const rule = policy.patterns[index] as (typeof policy.patterns)[number];
      out.push({ code: 'pattern_mismatch', id: rule.id, index, message: rule.message });
    }
  },
};
