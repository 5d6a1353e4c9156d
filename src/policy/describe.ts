/** @module `describePolicy` and `checkRequirements`: the requirement lines a form shows and ticks live. */
import { commonPasswordsLoaded } from './blocklist/common-password-set.js';
import { formatRequirement } from './format.js';
import type { MessageOptions } from './locales/messages.js';
import type { RequirementLine, RequirementStatus } from './requirements.js';
import { RULES } from './rules/index.js';
import type { Policy, ValidationContext, Violation, ViolationCode } from './types.js';
import { absurdLength, validatePassword } from './validate.js';

const COVERS: Partial<Record<ViolationCode, readonly ViolationCode[]>> = {
  too_similar_to_current: ['same_as_current', 'too_similar_to_current'],
};

/**
 * The requirement lines of a policy, one per active rule, in a stable order, each with its
 * sentence and the violation codes that mean it is unmet — what a form shows before submit.
 *
 * @param policy - a policy from `definePolicy` or `presets`.
 * @param options - `locale` and `messages` as for {@link formatViolation}.
 * @returns the lines.
 * @example
 * ```ts
 * describePolicy(presets.mailbox, { locale: 'en' }).map((l) => l.text);
 * // ['At least 8 characters', 'At most 128 characters', 'At least 1 uppercase letter', …]
 * ```
 */
export function describePolicy(policy: Policy, options?: MessageOptions): RequirementLine[] {
  const lines: RequirementLine[] = [];
  for (const rule of RULES) {
    for (const requirement of rule.requirements(policy)) {
      lines.push({
        code: requirement.code,
        text: formatRequirement(requirement, options),
        requirement,
        codes: COVERS[requirement.code] ?? [requirement.code],
      });
    }
  }
  return lines;
}

/** Whether a line can be judged here (without the server, with what the context holds). */
function judgeable(line: RequirementLine, policy: Policy, context: ValidationContext | undefined): boolean {
  switch (line.code) {
    case 'common_password':
      return !policy.blocklist || commonPasswordsLoaded();
    case 'contains_account':
      return context?.account !== undefined || context?.displayName !== undefined;
    case 'too_similar_to_current':
      return context?.currentPassword !== undefined;
    case 'reused_password':
    case 'breached_password':
      return false;
    default:
      return true;
  }
}

/** Whether violation `v` means `line` is unmet (a pattern line only by its own pattern). */
function unmetBy(line: RequirementLine, v: Violation): boolean {
  if (line.requirement.code === 'pattern_mismatch')
    return v.code === 'pattern_mismatch' && v.index === line.requirement.index;
  return line.codes.includes(v.code);
}

/**
 * The requirement lines evaluated against what the user is typing: each line of
 * {@link describePolicy} with `met: true | false`, or `null` when it cannot be judged here (the
 * account check without an account in `context`, reuse and breach checks that need the server, the
 * blocklist in a browser page before `loadCommonPasswords` has loaded the list).
 * Runs the same synchronous validation as `validatePassword`, so it works in the browser.
 *
 * @param policy - the policy.
 * @param password - the current input.
 * @param context - optional context (account, display name, current password).
 * @param options - `locale` and `messages`.
 * @returns the lines with their state.
 * @example
 * ```ts
 * input.addEventListener('input', () => {
 *   for (const line of checkRequirements(presets.mailbox, input.value, { account })) render(line.text, line.met);
 * });
 * ```
 */
export function checkRequirements(
  policy: Policy,
  password: string,
  context?: ValidationContext,
  options?: MessageOptions,
): RequirementStatus[] {
  const { violations } = validatePassword(policy, password, context);
  // Beyond the work limit only the length is judged.
  const absurd = absurdLength(policy, password) !== null;
  return describePolicy(policy, options).map((line) => ({
    ...line,
    met:
      judgeable(line, policy, context) && (!absurd || line.code === 'too_short' || line.code === 'too_long')
        ? !violations.some((v) => unmetBy(line, v))
        : null,
  }));
}
