/** @module Rule: minimum and maximum length, counted in Unicode code points. */
import type { PolicyRule } from '../rule.js';

/**
 * `too_short` / `too_long`. Lengths are code points, so an emoji counts as one character, not two
 * UTF-16 units.
 *
 * @example
 * ```ts
 * lengthRule.passwordRules(presets.mailbox); // ['minlength: 8;', 'maxlength: 128;']
 * ```
 */
export const lengthRule: PolicyRule = {
  codes: ['too_short', 'too_long'],
  requirements: (p) => [
    { code: 'too_short', minimum: p.minLength },
    { code: 'too_long', maximum: p.maxLength },
  ],
  passwordRules: (p) => [`minlength: ${p.minLength};`, `maxlength: ${p.maxLength};`],
  check({ policy, facts }, out) {
    if (facts.length < policy.minLength)
      out.push({ code: 'too_short', minimum: policy.minLength, actual: facts.length });
    if (facts.length > policy.maxLength)
      out.push({ code: 'too_long', maximum: policy.maxLength, actual: facts.length });
  },
};
