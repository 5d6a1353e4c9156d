/** @module `passrotate check`: validates a password read from stdin; exit 0 pass, 1 violations, 2 usage. */
import { Command, Option } from 'commander';
import {
  formatViolation,
  type LocaleId,
  locales,
  type ValidationContext,
  validatePassword,
} from '../../policy/index.js';
import { loadPolicy, POLICY_OPTION_HELP } from '../load-policy.js';
import { oneOf } from '../parse-options.js';
import { readPasswordFromStdin } from '../read-stdin.js';

interface CheckFlags {
  policy?: string;
  account?: string;
  displayName?: string;
  locale: LocaleId;
  json?: boolean;
}

/**
 * The `check` command: `passrotate check [--policy P] [--account EMAIL] [--json] < password`.
 * Reads the password from standard input (never from the command line), prints `ok` or one line per
 * violation (`--json`: `{ ok, violations: [{ code, …data, message }] }`), and exits 0 when the
 * password passes, 1 when it does not. A terminal on stdin is refused (exit 2) rather than echoing,
 * and so is an empty password.
 *
 * @example
 * ```ts
 * program.addCommand(checkCommand());
 * ```
 */
export function checkCommand(): Command {
  return new Command('check')
    .description('check the password given on stdin against the policy (exit 0 ok, 1 violations)')
    .option('--policy <name|file>', POLICY_OPTION_HELP)
    .option('--account <email>', 'the mailbox address, for the account check')
    .option('--display-name <name>', "the mailbox owner's name, for the account check")
    .addOption(
      new Option('--locale <id>', 'language of the messages')
        .argParser(oneOf(Object.keys(locales) as LocaleId[]))
        .default('en'),
    )
    .option('--json', 'print the result as JSON')
    .action(async (flags: CheckFlags, command: Command) => {
      if (process.stdin.isTTY === true) {
        command.error(
          'error: check reads the password from standard input; pipe it in, e.g. `read -rs PW; printf %s "$PW" | passrotate check`',
          { exitCode: 2, code: 'commander.stdinIsTty' },
        );
      }
      const policy = await loadPolicy(flags.policy);
      const password = await readPasswordFromStdin(process.stdin);
      if (password === '') {
        command.error('error: empty password on standard input', {
          exitCode: 2,
          code: 'commander.invalidPassword',
        });
      }
      const context: ValidationContext = {
        ...(flags.account === undefined ? {} : { account: flags.account }),
        ...(flags.displayName === undefined ? {} : { displayName: flags.displayName }),
      };
      const result = validatePassword(policy, password, context);
      const messages = result.violations.map((v) => formatViolation(v, { locale: flags.locale }));
      if (flags.json === true) {
        const violations = result.violations.map((v, i) => ({ ...v, message: messages[i] }));
        process.stdout.write(`${JSON.stringify({ ok: result.ok, violations }, null, 2)}\n`);
      } else {
        process.stdout.write(result.ok ? 'ok\n' : messages.map((m) => `✗ ${m}\n`).join(''));
      }
      process.exitCode = result.ok ? 0 : 1;
    });
}
