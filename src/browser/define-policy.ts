/** @module `definePolicy` of the browser entry: the same checks, without bundling the common-password list. */
import { buildPolicy } from '../policy/build-policy.js';
import type { Policy, PolicySpec } from '../policy/types.js';

/**
 * The root entry's `definePolicy`, for pages: the same spec, defaults, frozen result and
 * `invalid_policy` errors, but the common-password list is not bundled. Until
 * {@link loadCommonPasswords} has loaded it, `validatePassword` skips the bundled list (the policy's
 * own `blockedWords` still apply) and `checkRequirements` shows the `common_password` line as not
 * judged (`met: null`); the server, on the root entry, always checks it.
 *
 * @param spec - the rules, typically the server's policy sent to the page as JSON.
 * @returns a frozen policy.
 * @throws PassrotateError with code `invalid_policy`, naming the field.
 * @example
 * ```ts
 * import { definePolicy, loadCommonPasswords, validatePassword } from 'passrotate/browser';
 * const policy = definePolicy(JSON.parse(form.dataset.policy ?? '{}'));
 * void loadCommonPasswords();
 * validatePassword(policy, input.value);
 * ```
 */
export function definePolicy(spec: PolicySpec = {}): Policy {
  return buildPolicy(spec);
}
