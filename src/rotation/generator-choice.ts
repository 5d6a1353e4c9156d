/** @module How the admin flows generate a password: the generator's own options, password or passphrase. */
import { generatePassphrase } from '../generator/generate-passphrase.js';
import { generatePassword } from '../generator/generate-password.js';
import type { GeneratePassphraseOptions, GeneratePasswordOptions } from '../generator/options.js';
import type { Policy, ValidationContext } from '../policy/types.js';
import type { RandomSource } from '../ports/random-source.js';

/**
 * What `adminSetPassword` and `rotateDomain` generate: a random password with the options of
 * `generatePassword` (`length`, `specials`, `excludeCharacters`…), or with `passphrase: true` EFF
 * words with the options of `generatePassphrase` (`words`, `separator`, `capitalize`). The flow
 * supplies the random source and the mailbox as context itself. Default: a password with the
 * generator's defaults. Whatever is chosen, the result passes the policy (else the generator throws
 * `invalid_generator_options` for a request the policy cannot meet).
 *
 * @example
 * ```ts
 * const mailSafe: GeneratorChoice = { length: 20, specials: 'mail-safe' };
 * const phrase: GeneratorChoice = { passphrase: true, words: 5 };
 * ```
 */
export type GeneratorChoice =
  | ({ readonly passphrase?: false } & Omit<GeneratePasswordOptions, 'random' | 'context'>)
  | ({ readonly passphrase: true } & Omit<GeneratePassphraseOptions, 'random' | 'context'>);

/**
 * Generates one candidate as `choice` says, with the flow's random source and the mailbox's context.
 *
 * @example
 * ```ts
 * generateWith(policy, { passphrase: true, words: 5 }, rt.random, { account: 'alice@example.org' });
 * ```
 */
export function generateWith(
  policy: Policy,
  choice: GeneratorChoice | undefined,
  random: RandomSource,
  context: Pick<ValidationContext, 'account' | 'displayName'>,
): string {
  if (choice?.passphrase === true) {
    const { passphrase: _, ...options } = choice;
    return generatePassphrase(policy, { ...options, random, context });
  }
  const { passphrase: _, ...options } = choice ?? {};
  return generatePassword(policy, { ...options, random, context });
}
