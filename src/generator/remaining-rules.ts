/**
 * @module The rules a generated password cannot meet by construction — the blocklist, blocked words
 * and (given a context) the account check — checked after drawing, with a bounded number of draws.
 */
import { isCommonPassword } from '../policy/blocklist/common-password-set.js';
import type { Policy, ValidationContext } from '../policy/types.js';
import { validatePassword } from '../policy/validate.js';
import { mayBeCommonPassword } from './blocklist-prefilter.js';

/**
 * Most draws a generator makes before giving up with `generation_failed`. A random password of 8 or
 * more characters from 60+ symbols matches a listed password (even after undoing decorations) with
 * probability far below 10⁻³, so 16 failures in a row mean a misconfiguration (e.g. a blocked word
 * every password contains), not bad luck.
 */
export const MAX_ATTEMPTS = 16;

/**
 * `true` when `password` also passes the rules that are not met by construction. Without blocked
 * words and context only the bundled blocklist is looked up; otherwise the password is validated.
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
  if (context === undefined && policy.blockedWords.length === 0) {
    // The common case (e.g. the presets): a blocklist lookup, skipped when provably useless.
    if (!policy.blocklist) return true;
    const lowered = password.toLowerCase();
    return !mayBeCommonPassword(lowered) || !isCommonPassword(lowered);
  }
  return validatePassword(policy, password, context).ok;
}
