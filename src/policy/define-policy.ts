/** @module `definePolicy` of the root entry: the spec checked and frozen, the bundled common-password list at hand. */
import { provideCommonPasswordList } from './blocklist/common-password-list.js';
import { FOLDED_COMMON_PASSWORDS } from './blocklist/common-passwords-folded.js';
import { buildPolicy } from './build-policy.js';
import type { Policy, PolicySpec } from './types.js';

/**
 * Validates `spec` and returns a frozen {@link Policy} with every default resolved. The policy then
 * drives `validatePassword`, `generatePassword`, `describePolicy` and `toPasswordRules` alike.
 *
 * Impossible or contradictory specs throw at definition time, naming the field: `minLength` above
 * `maxLength`, class minimums that cannot fit in `maxLength`, a required class that no allowed
 * character belongs to (e.g. an empty special set while `minSpecial > 0`), `minClasses.count` above
 * the number of listed classes, letters/digits/controls in the special set, unknown keys.
 *
 * This entry bundles the common-password list, so a policy with `blocklist: true` refuses common
 * passwords with no further wiring. (`passrotate/browser` has the same function without the list,
 * which a page loads later with `loadCommonPasswords`.)
 *
 * @param spec - the rules; see {@link PolicySpec} for each field's default.
 * @returns a frozen policy.
 * @throws PassrotateError with code `invalid_policy`, naming the field.
 * @example
 * ```ts
 * const policy = definePolicy({ minLength: 10, minDigit: 1, maxRepeated: 3 });
 * validatePassword(policy, 'aaaa-bbbb-1').ok; // false (repeated_characters)
 * ```
 */
export function definePolicy(spec: PolicySpec = {}): Policy {
  provideCommonPasswordList(FOLDED_COMMON_PASSWORDS);
  return buildPolicy(spec);
}
