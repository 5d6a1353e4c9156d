/** @module The options the storage commands share: --store, --policy, --scheme, --dovecot-config, --doveadm. */
import type { Command } from 'commander';
import { POLICY_OPTION_HELP } from '../load-policy.js';
import { DEFAULT_CLI_SCHEME } from '../rotation/setup.js';

/**
 * Adds the shared storage options to `command`; `hashing` adds `--policy` and `--scheme` too.
 *
 * @example
 * ```ts
 * addStoreOptions(program.command('resume'), { hashing: false });
 * ```
 */
export function addStoreOptions(command: Command, options: { readonly hashing: boolean }): Command {
  command.requiredOption(
    '--store <spec>',
    'sqlite:PATH, postgres://USER@HOST/DB, mysql://USER@HOST/DB, ldap://HOST/BASE or passwd-file:PATH',
  );
  if (options.hashing) {
    command
      .option('--policy <name|file>', POLICY_OPTION_HELP)
      .option('--scheme <scheme>', 'hash scheme of new passwords (Dovecot name)', DEFAULT_CLI_SCHEME);
  }
  return command
    .option(
      '--dovecot-config <path>',
      'flush the auth cache and kick IMAP/POP sessions of this Dovecot instance',
    )
    .option('--doveadm <path>', 'the doveadm binary', 'doveadm');
}
