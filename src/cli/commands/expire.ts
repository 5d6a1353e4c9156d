/** @module `passrotate expire`: force one owner, or every owner whose password aged out (`--due`), to choose a new password. */
import { Command } from 'commander';
import { PassrotateError } from '../../errors.js';
import { expireDuePasswords, expirePassword, type RotationDeps } from '../../rotation/index.js';
import { describeFailure, EXIT_OK, exitCodeOf } from '../exit-codes.js';
import { parseAccount, parseDomain } from '../parse-options.js';
import { say } from '../rotation/io.js';
import { CLI_ACTOR, type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addSmtpOptions, cliNotifier, type SmtpCommandOptions } from '../smtp-options.js';
import { addStoreOptions } from './store-options.js';

interface ExpireOptions extends StoreCommandOptions, SmtpCommandOptions {
  readonly account?: string;
  readonly due?: boolean;
  readonly domain?: string;
  readonly json?: boolean;
}

/**
 * Registers `passrotate expire`.
 *
 * @example
 * ```ts
 * program.addCommand(expireCommand()); // passrotate expire --store sqlite:mail.sqlite --account alice@example.org
 * ```
 */
export function expireCommand(): Command {
  const command = new Command('expire')
    .description(
      "Expire a mailbox's password (must change at next login, sessions revoked), or with --due every password past its expiry (for cron)",
    )
    .option('--account <address>', 'the mailbox, user@domain', parseAccount)
    .option('--due', 'expire every password past its expiry date (not yet must-change)')
    .option('--domain <domain>', 'with --due: only this domain', parseDomain)
    .option('--json', 'with --due: print the result as JSON');
  addSmtpOptions(command);
  return addStoreOptions(command, { hashing: false }).action(async (options: ExpireOptions) => {
    if ((options.account === undefined) === (options.due !== true)) {
      throw new PassrotateError('invalid_options', 'give either --account or --due');
    }
    if (options.domain !== undefined && options.due !== true) {
      throw new PassrotateError('invalid_options', '--domain applies only with --due');
    }
    const notifier = cliNotifier(options, process.env);
    try {
      process.exitCode = await withRotation(options, { create: false }, async (rotation) => {
        const deps: RotationDeps = notifier === null ? rotation : { ...rotation, notifier };
        return options.account === undefined ? expireDue(deps, options) : expireOne(deps, options.account);
      });
    } finally {
      notifier?.close();
    }
  });
}

async function expireOne(deps: RotationDeps, account: string): Promise<number> {
  const result = await expirePassword(deps, { actor: CLI_ACTOR, account, revoke: 'all' });
  if (!result.ok) {
    say(`not expired: ${describeFailure(result)}`);
    return exitCodeOf(result);
  }
  say(`expired ${account.toLowerCase()} (version ${result.version})`);
  if (result.revocation.pending.length > 0) {
    say(`revocation pending (run \`passrotate resume\`): ${result.revocation.pending.join(', ')}`);
  }
  return EXIT_OK;
}

async function expireDue(deps: RotationDeps, options: ExpireOptions): Promise<number> {
  const result = await expireDuePasswords(deps, { domain: options.domain ?? null, actor: CLI_ACTOR });
  if (!result.ok) {
    say(`expiry stopped: ${describeFailure(result)}`);
    return exitCodeOf(result);
  }
  if (options.json === true) {
    const { expired, conflicts, skipped } = result;
    process.stdout.write(`${JSON.stringify({ expired, conflicts, skipped })}\n`);
  } else {
    for (const account of result.expired) say(`expired ${account}`);
    say(`expired ${result.expired.length}, ${result.conflicts} changed meanwhile, ${result.skipped} skipped`);
  }
  return EXIT_OK;
}
