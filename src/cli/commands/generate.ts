/** @module `passrotate generate`: prints compliant passwords or passphrases, one per line. */
import { Command, Option } from 'commander';
import {
  type GeneratedPassword,
  generatePassphraseWithEntropy,
  generatePasswordWithEntropy,
} from '../../generator/index.js';
import type { Policy } from '../../policy/index.js';
import { loadPolicy, POLICY_OPTION_HELP } from '../load-policy.js';
import { parsePositiveInteger } from '../parse-options.js';

interface GenerateFlags {
  policy?: string;
  count: number;
  length?: number;
  passphrase?: boolean;
  words?: number;
  separator?: string;
  mailSafe?: boolean;
  excludeLookAlikes?: boolean;
  json?: boolean;
}

function generateOne(policy: Policy, flags: GenerateFlags): GeneratedPassword {
  if (flags.passphrase === true) {
    return generatePassphraseWithEntropy(policy, {
      ...(flags.words === undefined ? {} : { words: flags.words }),
      ...(flags.separator === undefined ? {} : { separator: flags.separator }),
    });
  }
  return generatePasswordWithEntropy(policy, {
    ...(flags.length === undefined ? {} : { length: flags.length }),
    ...(flags.mailSafe === true ? { specials: 'mail-safe' as const } : {}),
    ...(flags.excludeLookAlikes === true ? { excludeLookAlikes: true } : {}),
  });
}

/**
 * The `generate` command: `passrotate generate [--policy P] [--count N] [--length N] [--passphrase] [--json]`.
 * Prints one password per line (or, with `--json`, an array of `{ password, entropyBits }`).
 *
 * @example
 * ```ts
 * program.addCommand(generateCommand());
 * ```
 */
export function generateCommand(): Command {
  return new Command('generate')
    .description('print passwords (or passphrases) that pass the policy, one per line')
    .option('--policy <name|file>', POLICY_OPTION_HELP)
    .addOption(new Option('--count <n>', 'how many').argParser(parsePositiveInteger).default(1))
    .addOption(new Option('--length <n>', 'password length in characters').argParser(parsePositiveInteger))
    .option('--passphrase', 'EFF diceware words instead of random characters')
    .addOption(new Option('--words <n>', 'words per passphrase').argParser(parsePositiveInteger))
    .option('--separator <char>', 'between passphrase words (default "-")')
    .option('--mail-safe', 'only special characters that need no quoting in IMAP, URLs and shells')
    .option('--exclude-look-alikes', 'leave out 0 O o 1 I l |')
    .option('--json', 'print a JSON array of { password, entropyBits }')
    .action(async (flags: GenerateFlags, command: Command) => {
      if (flags.passphrase === true && flags.length !== undefined) {
        command.error('error: --length does not apply to --passphrase (use --words)', {
          exitCode: 2,
          code: 'commander.conflict',
        });
      }
      const policy = await loadPolicy(flags.policy);
      const results = Array.from({ length: flags.count }, () => generateOne(policy, flags));
      const output = flags.json
        ? `${JSON.stringify(
            results.map((r) => ({ password: r.password, entropyBits: Number(r.entropyBits.toFixed(2)) })),
            null,
            2,
          )}\n`
        : results.map((r) => `${r.password}\n`).join('');
      process.stdout.write(output);
    });
}
