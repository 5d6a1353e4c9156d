/** @module `passrotate resume`: retry the revocations left in the outbox by earlier changes. */
import { Command } from 'commander';
import { resumePendingRevocations } from '../../rotation/index.js';
import { describeFailure, EXIT_OK, EXIT_REFUSED, exitCodeOf } from '../exit-codes.js';
import { say } from '../rotation/io.js';
import { type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

/**
 * Registers `passrotate resume`. Give it the same `--dovecot-config` as the changes that queued
 * the revocations, so every revoker named in the outbox exists.
 *
 * @example
 * ```ts
 * program.addCommand(resumeCommand()); // passrotate resume --store sqlite:mail.sqlite --dovecot-config /etc/dovecot/dovecot.conf
 * ```
 */
export function resumeCommand(): Command {
  const command = new Command('resume').description(
    'Run the revocations that are due in the outbox (retry after a failure)',
  );
  return addStoreOptions(command, { hashing: false }).action(async (options: StoreCommandOptions) => {
    process.exitCode = await withRotation(options, { create: false }, async (deps) => {
      const result = await resumePendingRevocations(deps);
      say(`revocations done: ${result.done}, failed again: ${result.failed}`);
      if (!result.ok) {
        say(`stopped: ${describeFailure(result)}`);
        return exitCodeOf(result);
      }
      return result.failed > 0 ? EXIT_REFUSED : EXIT_OK;
    });
  });
}
