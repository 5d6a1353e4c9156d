/** @module `passrotate sessions revoke`: log a mailbox out everywhere without changing its password. */
import { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { parseAccount } from '../parse-options.js';
import { say } from '../rotation/io.js';
import { type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

interface RevokeOptions extends StoreCommandOptions {
  readonly account: string;
}

/**
 * Registers `passrotate sessions revoke`.
 *
 * @example
 * ```ts
 * program.addCommand(sessionsCommand()); // passrotate sessions revoke --store sqlite:mail.sqlite --account alice@example.org
 * ```
 */
export function sessionsCommand(): Command {
  const sessions = new Command('sessions').description('Web and mail sessions of a mailbox');
  const revoke = new Command('revoke')
    .description("End a mailbox's web sessions and, with --dovecot-config, its IMAP/POP connections")
    .requiredOption('--account <address>', 'the mailbox, user@domain', parseAccount);
  addStoreOptions(revoke, { hashing: false }).action(async (options: RevokeOptions) => {
    process.exitCode = await withRotation(options, { create: false }, async (deps) => {
      const failed: string[] = [];
      for (const revoker of deps.revokers ?? []) {
        try {
          await revoker.revoke({ account: options.account.toLowerCase(), keepSessionDigest: null });
        } catch (error) {
          failed.push(`${revoker.name} (${(error as { code?: string }).code ?? 'error'})`);
        }
      }
      const names = (deps.revokers ?? []).map((r) => r.name);
      if (names.length === 0) say('nothing to revoke: this store keeps no sessions (add --dovecot-config)');
      else if (failed.length === 0) say(`revoked ${names.join(', ')} for ${options.account.toLowerCase()}`);
      else say(`failed: ${failed.join(', ')}`);
      return failed.length === 0 ? EXIT_OK : EXIT_ERROR;
    });
  });
  return sessions.addCommand(revoke);
}
