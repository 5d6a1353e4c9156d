/** @module `generatePassword`: a random password that meets the policy by construction. */
import { PassrotateError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { cryptoRandomSource } from '../ports/random-source.js';
import { drawPassword } from './draw-password.js';
import type { GeneratedPassword, GeneratePasswordOptions } from './options.js';
import { type PasswordPlan, planPassword } from './password-plan.js';
import { PlanCache } from './plan-cache.js';
import { readerFor } from './random-reader.js';
import {
  attemptsFor,
  type MAX_ATTEMPTS,
  type PATTERN_ATTEMPTS,
  passesRemainingRules,
} from './remaining-rules.js';

const plans = new PlanCache<PasswordPlan>();

/** The options object used when none is given (no allocation per call). */
const NO_OPTIONS: GeneratePasswordOptions = Object.freeze({});

/** The cache key of the options that shape the plan; `null` when none is set. */
function planKey(options: GeneratePasswordOptions): string | null {
  if (options === NO_OPTIONS) return null;
  const { length, pools, specials, excludeCharacters, excludeLookAlikes } = options;
  if (
    length === undefined &&
    pools === undefined &&
    specials === undefined &&
    excludeCharacters === undefined &&
    excludeLookAlikes === undefined
  ) {
    return null;
  }
  return `${length}|${pools?.join(',')}|${specials}|${excludeCharacters}|${excludeLookAlikes}`;
}

function planFor(policy: Policy, options: GeneratePasswordOptions): PasswordPlan {
  return plans.get(policy, planKey(options), () => planPassword(policy, options));
}

/** Draws until a password also passes the rules not met by construction (bounded). */
function compliantPassword(policy: Policy, options: GeneratePasswordOptions, plan: PasswordPlan): string {
  const reader = readerFor(options.random ?? cryptoRandomSource);
  const attempts = attemptsFor(policy);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const password = drawPassword(plan, reader);
    if (passesRemainingRules(policy, password, options.context)) return password;
  }
  throw new PassrotateError(
    'generation_failed',
    `${attempts} generated passwords in a row hit the blocklist, a pattern or the account; check the policy's blockedWords, patterns and the context`,
  );
}

/**
 * Generates a password and reports the entropy of the process that made it.
 *
 * The password is built to pass the policy, not retried until it does: the characters each class
 * requires (`minUppercase`…, plus one per class still missing for `minClasses`) and the filler from
 * the union of the chosen pools are laid out, the positions are shuffled with Fisher–Yates, and every
 * character is drawn uniformly from its pool by rejection sampling. Runs and sequences the policy
 * limits are avoided as they would arise: a character that would break one is redrawn once, uniformly among those that keep the limits. Only the blocklist and the
 * account check (with `options.context`) are checked afterwards; a hit is redrawn, at most
 * {@link MAX_ATTEMPTS} times in all ({@link PATTERN_ATTEMPTS} under regex `patterns`, which are met by retrying only).
 *
 * `entropyBits` is a lower bound of the Shannon entropy: given the shuffle, every character is
 * uniform over at least `pool size − f` choices, where f is the most characters the repeat/sequence
 * guard can forbid at one position (0 when the policy sets no such limits). So it is the sum of
 * `log2(pool size − f)` over the positions; 16 characters from all 94 printable ASCII characters
 * give about 104 bits.
 *
 * @param policy - a policy from `definePolicy` or `presets`.
 * @param options - length, pools, exclusions, random source; see {@link GeneratePasswordOptions}.
 * @returns the password and its entropy in bits.
 * @throws PassrotateError `invalid_generator_options` naming the option when the request cannot be
 *   met (e.g. a `length` outside the policy's bounds, or `pools` leaving out a required class);
 *   `generation_failed` when every draw hit the blocklist, a pattern or the account;
 *   `random_source_failure` when `options.random` keeps returning unusable bytes (a broken source).
 * @example
 * ```ts
 * const { password, entropyBits } = generatePasswordWithEntropy(presets.mailbox, { length: 20 });
 * validatePassword(presets.mailbox, password).ok; // true
 * entropyBits; // ≈ 122.6
 * ```
 */
export function generatePasswordWithEntropy(
  policy: Policy,
  options: GeneratePasswordOptions = NO_OPTIONS,
): GeneratedPassword {
  const plan = planFor(policy, options);
  return { password: compliantPassword(policy, options, plan), entropyBits: plan.entropyBits };
}

/**
 * Generates a password that passes `validatePassword(policy, password)` (and the account check when
 * `options.context` is given). See {@link generatePasswordWithEntropy} for how, and for the errors.
 *
 * @example
 * ```ts
 * generatePassword(presets.mailbox); // e.g. 'q7#Vd,Lm2!xTe9Rb'
 * generatePassword(presets.strict, { length: 24, specials: 'mail-safe', excludeLookAlikes: true });
 * ```
 */
export function generatePassword(policy: Policy, options: GeneratePasswordOptions = NO_OPTIONS): string {
  return compliantPassword(policy, options, planFor(policy, options));
}
