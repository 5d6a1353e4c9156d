/** @module Check: the confirmation field must repeat the password exactly. */
import type { PolicyRule } from '../rule.js';

/**
 * `confirmation_mismatch` when `context.confirmation` is given and differs. No requirement line.
 *
 * @example
 * ```ts
 * confirmationRule.codes; // ['confirmation_mismatch']
 * ```
 */
export const confirmationRule: PolicyRule = {
  codes: ['confirmation_mismatch'],
  requirements: () => [],
  passwordRules: () => [],
  check(input, out) {
    const confirmation = input.context?.confirmation;
    if (confirmation === undefined) return;
    if (typeof confirmation !== 'string') throw new TypeError('context.confirmation must be a string');
    if (confirmation !== input.password) out.push({ code: 'confirmation_mismatch' });
  },
};
