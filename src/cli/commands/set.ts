/** @module `passrotate set`: set one mailbox's password in a store (SQLite, PostgreSQL, passwd-file), then log it out everywhere. */
import { Command, Option } from 'commander';
import { validatePassword } from '../../policy/index.js';
import { cryptoRandomSource } from '../../ports/random-source.js';
import { generateWith } from '../../rotation/generator-choice.js';
import { adminSetPassword } from '../../rotation/index.js';
import { describeFailure, EXIT_ERROR, EXIT_OK, EXIT_REFUSED, exitCodeOf } from '../exit-codes.js';
import { addGeneratorOptions, type GeneratorFlags, generatorChoice } from '../generator-flags.js';
import { parseAccount } from '../parse-options.js';
import { readPasswordFromStdin } from '../read-stdin.js';
import { reportViolations, say } from '../rotation/io.js';
import { CLI_ACTOR, type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

interface SetOptions extends StoreCommandOptions, GeneratorFlags {
  readonly account: string;
  readonly create?: boolean;
  readonly generate?: boolean;
  readonly temporary?: boolean;
  readonly name?: string;
}

/** Three days: the rotation flows' default lifetime of a temporary password. */
const TEMPORARY_TTL_MS = 72 * 3_600_000;

async function runSet(options: SetOptions): Promise<number> {
  if (!options.generate && process.stdin.isTTY === true) {
    say('set reads the new password from standard input (never argv): pipe it in, or use --generate');
    return EXIT_ERROR;
  }
  const password = options.generate ? undefined : await readPasswordFromStdin(process.stdin);
  if (password === '') {
    say('no password on stdin: pipe it in, or use --generate');
    return EXIT_ERROR;
  }
  const generatorFlagGiven = [options.length, options.specials, options.passphrase, options.words].some(
    (flag) => flag !== undefined,
  );
  if (generatorFlagGiven && !options.generate) {
    say('--length, --specials, --passphrase and --words apply only with --generate');
    return 2;
  }
  return withRotation(options, { create: options.create === true }, async (deps) => {
    const generator = generatorChoice(deps.policy, options);
    const existing = await deps.store.get(options.account);
    if (existing === null && options.create) {
      const context = { account: options.account, ...(options.name ? { displayName: options.name } : {}) };
      const chosen = password ?? generateWith(deps.policy, generator, cryptoRandomSource, context);
      const check = validatePassword(deps.policy, chosen, context);
      if (!check.ok) {
        say(`the password breaks the policy; nothing was changed`);
        reportViolations(check.violations);
        return EXIT_REFUSED;
      }
      const temporary = options.temporary === true;
      const created = await deps.store.createMailbox({
        account: options.account,
        passwordHash: await deps.hasher.hash(chosen),
        displayName: options.name ?? null,
        mustChange: temporary,
        expiresAt: temporary ? new Date(Date.now() + TEMPORARY_TTL_MS) : null,
      });
      if (!created.ok) {
        say(`could not create ${options.account}: ${describeFailure(created)}`);
        return exitCodeOf(created);
      }
      if (password === undefined) process.stdout.write(`${chosen}\n`);
      say(`created ${options.account.toLowerCase()}`);
      return EXIT_OK;
    }
    const result = await adminSetPassword(deps, {
      actor: CLI_ACTOR,
      account: options.account,
      ...(password === undefined
        ? { generate: true, ...(generator === undefined ? {} : { generator }) }
        : { password }),
      temporary: options.temporary === true,
      revoke: 'all',
    });
    if (!result.ok) {
      if (result.code === 'policy_violation') {
        say('the password breaks the policy; nothing was changed');
        reportViolations(result.violations);
        return EXIT_REFUSED;
      }
      say(
        result.code === 'not_found'
          ? `no mailbox ${options.account} in the store (add --create to make it)`
          : `not changed: ${describeFailure(result)}`,
      );
      return exitCodeOf(result);
    }
    if (result.password !== undefined) process.stdout.write(`${result.password}\n`);
    say(`password set for ${options.account.toLowerCase()} (version ${result.version})`);
    if (result.revocation.done.length > 0) say(`revoked: ${result.revocation.done.join(', ')}`);
    if (result.revocation.pending.length > 0) {
      say(`revocation pending (run \`passrotate resume\`): ${result.revocation.pending.join(', ')}`);
    }
    return EXIT_OK;
  });
}

/**
 * Registers `passrotate set`.
 *
 * @example
 * ```ts
 * program.addCommand(setCommand()); // passrotate set --store sqlite:mail.sqlite --account alice@example.org --generate --specials mail-safe
 * ```
 */
export function setCommand(): Command {
  const command = new Command('set')
    .description(
      "Set a mailbox's password (read from stdin, or --generate'd and printed once), enforcing the policy, then revoke its sessions",
    )
    .requiredOption('--account <address>', 'the mailbox, user@domain', parseAccount)
    .option('--create', 'create the mailbox (and missing tables) if it does not exist')
    .option('--generate', 'generate a compliant password and print it once on stdout')
    .option('--temporary', 'the owner must change it at next login; it expires after 72 hours')
    .addOption(new Option('--name <display name>', 'display name for a mailbox created with --create'));
  return addStoreOptions(addGeneratorOptions(command), { hashing: true }).action(
    async (options: SetOptions) => {
      process.exitCode = await runSet(options);
    },
  );
}
