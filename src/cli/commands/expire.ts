/** @module `passrotate expire`: force a mailbox's owner to choose a new password at next login. */
import { Command } from 'commander';
import { expirePassword } from '../../rotation/index.js';
import { describeFailure, exitCodeOf } from '../exit-codes.js';
import { parseAccount } from '../parse-options.js';
import { say } from '../rotation/io.js';
import { CLI_ACTOR, type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

interface ExpireOptions extends StoreCommandOptions {
  readonly account: string;
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
    .description("Expire a mailbox's password (must change at next login) and revoke its sessions")
    .requiredOption('--account <address>', 'the mailbox, user@domain', parseAccount);
  return addStoreOptions(command, { hashing: false }).action(async (options: ExpireOptions) => {
    process.exitCode = await withRotation(options, { create: false }, async (deps) => {
      const result = await expirePassword(deps, {
        actor: CLI_ACTOR,
        account: options.account,
        revoke: 'all',
      });
      if (!result.ok) {
        say(`not expired: ${describeFailure(result)}`);
        return exitCodeOf(result);
      }
      say(`expired ${options.account.toLowerCase()} (version ${result.version})`);
      if (result.revocation.pending.length > 0) {
        say(`revocation pending (run \`passrotate resume\`): ${result.revocation.pending.join(', ')}`);
      }
      return 0;
    });
  });
}
