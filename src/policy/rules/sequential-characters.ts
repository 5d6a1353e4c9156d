/** @module Rule: maximum sequence along the alphabet, the digits or a keyboard row. */
import type { PolicyRule } from '../rule.js';

/**
 * `sequential_characters`: `maxSequence: 3` allows `abc` and refuses `abcd`, `4321`, `qwer`, `ASDF`
 * (ASCII, case-insensitive; rows of QWERTY, QWERTZ and AZERTY keyboards). `passwordrules` has no
 * way to say this.
 *
 * @example
 * ```ts
 * sequentialCharactersRule.requirements(presets.strict); // [{ code: 'sequential_characters', maximum: 3 }]
 * ```
 */
export const sequentialCharactersRule: PolicyRule = {
  codes: ['sequential_characters'],
  requirements: (p) =>
    p.maxSequence === null ? [] : [{ code: 'sequential_characters', maximum: p.maxSequence }],
  passwordRules: () => [],
  check({ policy, facts }, out) {
    if (policy.maxSequence !== null && facts.longestSequence > policy.maxSequence) {
      out.push({ code: 'sequential_characters', maximum: policy.maxSequence, actual: facts.longestSequence });
    }
  },
};
