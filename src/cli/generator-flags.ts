/** @module The generator flags of `set --generate` and `rotate-domain`: length, specials, passphrase, words. */
import { type Command, Option } from 'commander';
import { PassrotateError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { GeneratorChoice } from '../rotation/generator-choice.js';
import { parsePositiveInteger } from './parse-options.js';

/**
 * The parsed generator flags.
 *
 * @example
 * ```ts
 * const flags: GeneratorFlags = { length: 20, specials: ',./!@#$%^&*' };
 * ```
 */
export interface GeneratorFlags {
  readonly length?: number;
  readonly specials?: string;
  readonly passphrase?: boolean;
  readonly words?: number;
}

function usage(message: string): PassrotateError {
  return new PassrotateError('invalid_generator_options', message);
}

/**
 * Adds `--length N`, `--specials SET`, `--passphrase` and `--words N` to `command`.
 *
 * @example
 * ```ts
 * addGeneratorOptions(new Command('rotate-domain'));
 * ```
 */
export function addGeneratorOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--length <n>', 'length of generated passwords in characters').argParser(
        parsePositiveInteger,
      ),
    )
    .option(
      '--specials <set>',
      'special characters generated passwords may use: "mail-safe", "policy" (default) or the characters themselves, e.g. ",./!@#$%^&*"',
    )
    .option('--passphrase', 'generate EFF diceware passphrases instead of random characters')
    .addOption(new Option('--words <n>', 'words per generated passphrase').argParser(parsePositiveInteger));
}

/**
 * Turns the flags into the flows' {@link GeneratorChoice}; a combination that makes no sense, or a
 * `--specials` set with characters the policy does not count as special, is a usage error.
 * A literal set keeps only those of the policy's special characters (the others are excluded).
 *
 * @throws PassrotateError `invalid_generator_options` naming the flag (the CLI exits 2).
 * @example
 * ```ts
 * generatorChoice(presets.mailbox, { specials: ',.!' }); // { excludeCharacters: '/@#$%^&*' }
 * ```
 */
export function generatorChoice(policy: Policy, flags: GeneratorFlags): GeneratorChoice | undefined {
  if (flags.passphrase === true) {
    if (flags.length !== undefined) throw usage('--length does not apply to --passphrase (use --words)');
    if (flags.specials !== undefined) throw usage('--specials does not apply to --passphrase');
    return { passphrase: true, ...(flags.words === undefined ? {} : { words: flags.words }) };
  }
  if (flags.words !== undefined) throw usage('--words applies only with --passphrase');
  const length = flags.length === undefined ? {} : { length: flags.length };
  const { specials } = flags;
  if (specials === undefined || specials === 'policy') return flags.length === undefined ? undefined : length;
  if (specials === 'mail-safe') return { ...length, specials: 'mail-safe' };
  const policySet = [...policy.specialCharacters];
  const unknown = [...specials].filter((ch) => !policySet.includes(ch));
  if (specials === '' || unknown.length > 0) {
    throw usage(
      `--specials must be "mail-safe", "policy" or some of the policy's special characters (${policy.specialCharacters})`,
    );
  }
  return { ...length, excludeCharacters: policySet.filter((ch) => !specials.includes(ch)).join('') };
}
