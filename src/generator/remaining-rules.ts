/** @module The rules a generated password cannot meet by construction — the blocklist, blocked words, regex `patterns` and (given a context) the account check — checked after drawing, with a bounded number of draws. */
import { isCommonPassword } from '../policy/blocklist/common-password-set.js';
import type { Policy, ValidationContext } from '../policy/types.js';
import { validatePassword } from '../policy/validate.js';
import { mayBeCommonPassword } from './blocklist-prefilter.js';

/**
 * Most draws a generator makes before giving up with `generation_failed`. A random `mailbox`
 * password of 8 characters hits the blocklist (a listed word inside up to six decoration characters)
 * with probability about 3 × 10⁻⁴ (measured), 16 characters far less, so 16 failures in a row
 * (chance below 10⁻⁵⁰) mean a misconfiguration — e.g. a blocked word every password contains — not
 * bad luck.
 *
 * @example
 * ```ts
 * // After MAX_ATTEMPTS unlucky draws: PassrotateError with code 'generation_failed'.
 * const attempts: number = MAX_ATTEMPTS; // 16
 * ```
 */
export const MAX_ATTEMPTS = 16;

/**
 * Most draws under a policy with regex `patterns`, which the generator cannot meet by construction:
 * it draws and retries. 256 draws make a pattern that one draw in two meets fail with chance
 * 2⁻²⁵⁶; a pattern that random passwords of the policy almost never match (e.g. `^a`) ends in
 * `generation_failed`, which is how such a policy is reported (it is not refused at definition,
 * since whether a regex can be met by the generator is undecidable in general).
 *
 * @example
 * ```ts
 * attemptsFor(definePolicy({ patterns: [{ regex: '[0-9]' }] })); // 256
 * ```
 */
export const PATTERN_ATTEMPTS = 256;

/**
 * How many draws a generator makes under `policy` before `generation_failed`.
 *
 * @example
 * ```ts
 * attemptsFor(presets.mailbox); // 16
 * ```
 */
export function attemptsFor(policy: Policy): number {
  return policy.patterns.length > 0 ? PATTERN_ATTEMPTS : MAX_ATTEMPTS;
}

/**
 * Blocklist lookups the generator makes before it builds the prefilter: building it is one pass over
 * the whole list (a few milliseconds, about the cost of 2,000 lookups), which a command that draws a
 * handful of passwords never repays.
 */
const LOOKUPS_BEFORE_PREFILTER = 1024;
let lookups = 0;

/**
 * `true` when `password` also passes the rules that are not met by construction. Without blocked
 * words, patterns and context only the bundled blocklist is looked up; otherwise the password is validated.
 *
 * @example
 * ```ts
 * passesRemainingRules(presets.mailbox, 'Xq7#mLp2,vR9', { account: 'alice@example.org' }); // true
 * ```
 */
export function passesRemainingRules(
  policy: Policy,
  password: string,
  context: Pick<ValidationContext, 'account' | 'displayName'> | undefined,
): boolean {
  if (context === undefined && policy.blockedWords.length === 0 && policy.patterns.length === 0) {
    // The common case (e.g. the presets): a blocklist lookup, skipped when provably useless (once
    // enough passwords were drawn to repay the prefilter).
    if (!policy.blocklist) return true;
    lookups = Math.min(lookups + 1, LOOKUPS_BEFORE_PREFILTER + 1);
    return (
      (lookups > LOOKUPS_BEFORE_PREFILTER && !mayBeCommonPassword(password)) || !isCommonPassword(password)
    );
  }
  return validatePassword(policy, password, context).ok;
}
