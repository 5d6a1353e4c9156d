/** @module `passrotate remind`: mail owners whose password expires soon, once per threshold (for cron). */
import { Command, InvalidArgumentError } from 'commander';
import { PassrotateError } from '../../errors.js';
import { sendExpiryReminders } from '../../rotation/index.js';
import { describeFailure, EXIT_ERROR, EXIT_OK, exitCodeOf } from '../exit-codes.js';
import { parseDomain } from '../parse-options.js';
import { say } from '../rotation/io.js';
import { type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addSmtpOptions, cliNotifier, type SmtpCommandOptions } from '../smtp-options.js';
import { addStoreOptions } from './store-options.js';

interface RemindOptions extends StoreCommandOptions, SmtpCommandOptions {
  readonly days: readonly number[];
  readonly domain?: string;
  readonly json?: boolean;
}

/**
 * Parses `--days 14,3,1`: whole days from 1 to 3650, comma-separated.
 *
 * @example
 * ```ts
 * parseDayList('14,3,1'); // [14, 3, 1]
 * ```
 */
export function parseDayList(value: string): number[] {
  const days = value.split(',').map((part) => part.trim());
  if (days.length === 0 || days.some((d) => !/^\d{1,4}$/.test(d) || Number(d) < 1 || Number(d) > 3650)) {
    throw new InvalidArgumentError('must be whole days from 1 to 3650, comma-separated, e.g. 14,3,1');
  }
  return [...new Set(days.map(Number))];
}

/**
 * Registers `passrotate remind`.
 *
 * @example
 * ```ts
 * program.addCommand(remindCommand()); // passrotate remind --store sqlite:mail.sqlite --days 14,3,1 --smtp smtp://127.0.0.1 --from no-reply@example.org
 * ```
 */
export function remindCommand(): Command {
  const command = new Command('remind')
    .description(
      'Mail the owners of passwords expiring within --days a reminder, at most once per threshold (for cron)',
    )
    .requiredOption('--days <list>', 'thresholds in days before the expiry, e.g. 14,3,1', parseDayList)
    .option('--domain <domain>', 'only this domain', parseDomain)
    .option('--json', 'print the counts as JSON');
  addSmtpOptions(command);
  return addStoreOptions(command, { hashing: false }).action(async (options: RemindOptions) => {
    const notifier = cliNotifier(options, process.env);
    if (notifier === null)
      throw new PassrotateError('invalid_smtp_options', 'remind needs --smtp and --from');
    try {
      process.exitCode = await withRotation(options, { create: false }, async (deps, opened) => {
        if (opened.expiryReminders === null) {
          throw new PassrotateError(
            'unsupported_store',
            `remind needs a SQL store (sqlite:, postgres://, mysql://) to remember sent reminders`,
          );
        }
        const result = await sendExpiryReminders(
          { ...deps, notifier, expiryReminders: opened.expiryReminders },
          { days: options.days, domain: options.domain ?? null },
        );
        if (!result.ok) {
          say(`reminders stopped: ${describeFailure(result)}`);
          return exitCodeOf(result);
        }
        const { sent, alreadySent, failed, skipped } = result;
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify({ sent, alreadySent, failed, skipped })}\n`);
        } else {
          say(`reminders: ${sent} sent, ${alreadySent} already sent, ${failed} failed, ${skipped} skipped`);
        }
        return failed > 0 ? EXIT_ERROR : EXIT_OK;
      });
    } finally {
      notifier.close();
    }
  });
}
