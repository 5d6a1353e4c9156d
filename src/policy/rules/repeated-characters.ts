/** @module Rule: maximum run of one repeated character. */
import type { PolicyRule } from '../rule.js';

/**
 * `repeated_characters`: `maxRepeated: 3` allows `aaa` and refuses `aaaa` (case-sensitive).
 *
 * @example
 * ```ts
 * repeatedCharactersRule.passwordRules(presets.strict); // ['max-consecutive: 3;']
 * ```
 */
export const repeatedCharactersRule: PolicyRule = {
  codes: ['repeated_characters'],
  requirements: (p) =>
    p.maxRepeated === null ? [] : [{ code: 'repeated_characters', maximum: p.maxRepeated }],
  passwordRules: (p) => (p.maxRepeated === null ? [] : [`max-consecutive: ${p.maxRepeated};`]),
  check({ policy, facts }, out) {
    if (policy.maxRepeated !== null && facts.longestRun > policy.maxRepeated) {
      out.push({ code: 'repeated_characters', maximum: policy.maxRepeated, actual: facts.longestRun });
    }
  },
};
