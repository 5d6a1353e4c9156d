/** @module `generatePassphrase`: EFF diceware words, plus whatever the policy still needs. */
import { PassrotateError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { cryptoRandomSource } from '../ports/random-source.js';
import { wouldBreakLimits } from './local-rules.js';
import type { GeneratedPassword, GeneratePassphraseOptions } from './options.js';
import { type PassphrasePlan, planPassphrase } from './passphrase-plan.js';
import type { Pool } from './password-plan.js';
import { PlanCache } from './plan-cache.js';
import { type RandomReader, readerFor } from './random-reader.js';
import {
  attemptsFor,
  type MAX_ATTEMPTS,
  type PATTERN_ATTEMPTS,
  passesRemainingRules,
} from './remaining-rules.js';

const plans = new PlanCache<PassphrasePlan>();

function drawPassphrase(plan: PassphrasePlan, reader: RandomReader): string {
  const codes: number[] = [];
  for (let i = 0; i < plan.wordCount; i++) {
    if (i > 0 && plan.separator !== null) codes.push(plan.separator);
    for (const c of plan.words[reader.int(plan.words.length)] as readonly number[]) codes.push(c);
  }
  if (plan.suffix.length > 0) {
    if (plan.separator !== null) codes.push(plan.separator);
    const order = reader.shuffle(plan.suffix.slice());
    for (const { codes: pool, byByte } of order as Pool[]) {
      const at = codes.length;
      let code = byByte === null ? (pool[reader.int(pool.length)] as number) : reader.pick(byByte);
      const limits = plan.limits;
      if (limits !== null && wouldBreakLimits(limits, codes, at, code)) {
        // Bounded redraw of this one character, uniform over the ones that keep the limits.
        const permitted = pool.filter((c) => !wouldBreakLimits(limits, codes, at, c));
        code = permitted[reader.int(permitted.length)] as number;
      }
      codes.push(code);
    }
  }
  return String.fromCodePoint(...codes);
}

/**
 * Generates a passphrase of words from the EFF large word list (see {@link effLargeWordlist}), joined
 * by `separator` and capitalised as asked, then appends, after one more separator, the characters the
 * policy still needs and the words cannot be relied on to contain (e.g. a digit for `mailbox`), in
 * shuffled order. Words are drawn uniformly by rejection sampling; only words that keep the policy's
 * allowed characters and repeat/sequence limits on their own are used, and the four hyphenated words
 * are left out so every phrase splits back into its words unambiguously. The blocklist and account
 * checks (and regex `patterns`) are applied afterwards, with at most {@link MAX_ATTEMPTS} draws in all ({@link PATTERN_ATTEMPTS} under patterns).
 *
 * `entropyBits` is `words × log2(usable words)` plus `log2(pool size − f)` per appended character (a
 * lower bound, as for {@link generatePasswordWithEntropy}); six words give about 77.5 bits.
 *
 * @param policy - a policy from `definePolicy` or `presets`.
 * @param options - word count, separator, capitalisation, random source; see {@link GeneratePassphraseOptions}.
 * @throws PassrotateError `invalid_generator_options` naming the option (`words`, `separator`,
 *   `capitalize`) when the request cannot be met; `generation_failed` and `random_source_failure` as
 *   for generatePassword.
 * @example
 * ```ts
 * const { password, entropyBits } = generatePassphraseWithEntropy(presets.mailbox);
 * password; // e.g. 'Sprawl-Unbent-Gravity-Oat-Sulfur-Retold-4'
 * entropyBits; // ≈ 80.8
 * ```
 */
export function generatePassphraseWithEntropy(
  policy: Policy,
  options: GeneratePassphraseOptions = {},
): GeneratedPassword {
  const { words, separator, capitalize } = options;
  const key =
    words === undefined && separator === undefined && capitalize === undefined
      ? null
      : `${words}|${separator}|${capitalize}`;
  const plan = plans.get(policy, key, () => planPassphrase(policy, options));
  const reader = readerFor(options.random ?? cryptoRandomSource);
  const attempts = attemptsFor(policy);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const password = drawPassphrase(plan, reader);
    if (passesRemainingRules(policy, password, options.context)) {
      return { password, entropyBits: plan.entropyBits };
    }
  }
  throw new PassrotateError(
    'generation_failed',
    `${attempts} generated passphrases in a row hit the blocklist, a pattern or the account; check the policy's blockedWords, patterns and the context`,
  );
}

/**
 * Generates a passphrase that passes `validatePassword(policy, passphrase)`. See
 * {@link generatePassphraseWithEntropy} for how, and for the errors.
 *
 * @example
 * ```ts
 * generatePassphrase(presets.nist, { words: 5, separator: ' ', capitalize: 'none' });
 * // e.g. 'quarry mutable stung dosage banjo'
 * ```
 */
export function generatePassphrase(policy: Policy, options?: GeneratePassphraseOptions): string {
  return generatePassphraseWithEntropy(policy, options).password;
}
