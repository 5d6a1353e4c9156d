/** @module `passrotate rotate-domain`: give every mailbox of a domain a new generated password (breach response). */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { rotateDomain } from '../../rotation/index.js';
import { describeFailure, EXIT_ERROR, EXIT_OK, EXIT_REFUSED, exitCodeOf } from '../exit-codes.js';
import { addGeneratorOptions, type GeneratorFlags, generatorChoice } from '../generator-flags.js';
import { parseDomain } from '../parse-options.js';
import { csvLine, say } from '../rotation/io.js';
import { CLI_ACTOR, type StoreCommandOptions, withRotation } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

interface RotateDomainOptions extends StoreCommandOptions, GeneratorFlags {
  readonly domain: string;
  readonly temporary: boolean;
  readonly dryRun?: boolean;
  readonly out?: string;
}

async function runRotateDomain(options: RotateDomainOptions): Promise<number> {
  return withRotation(options, { create: false }, async (deps) => {
    const generator = generatorChoice(deps.policy, options);
    const result = await rotateDomain(deps, {
      ...(generator === undefined ? {} : { generator }),
      actor: CLI_ACTOR,
      domain: options.domain,
      temporary: options.temporary,
      dryRun: options.dryRun === true,
    });
    if (!result.ok) {
      say(`rotation refused: ${describeFailure(result)}`);
      return exitCodeOf(result);
    }
    const rows = result.mailboxes.map((m) => ({
      account: m.account,
      password: m.ok ? m.password : null,
      status: m.ok ? 'ok' : describeFailure(m),
      pendingRevocations: m.ok ? m.pendingRevocations : [],
    }));
    const text = options.out?.endsWith('.json')
      ? `${JSON.stringify({ domain: options.domain.toLowerCase(), dryRun: result.dryRun, mailboxes: rows }, null, 2)}\n`
      : csvLine(['account', 'password', 'status', 'pending_revocations']) +
        rows
          .map((r) => csvLine([r.account, r.password ?? '', r.status, r.pendingRevocations.join(' ')]))
          .join('');
    if (options.out === undefined) process.stdout.write(text);
    else writeFileSync(options.out, text, { mode: 0o600 });
    const failed = rows.filter((r) => r.status !== 'ok').length;
    say(
      `${result.dryRun ? 'would rotate' : 'rotated'} ${rows.length - failed} mailbox(es) of ${options.domain}` +
        (failed > 0 ? `, ${failed} failed` : '') +
        (options.out === undefined ? '' : ` → ${options.out}`),
    );
    const failures = result.mailboxes.filter((m) => !m.ok);
    if (failures.some((m) => exitCodeOf(m) === EXIT_ERROR)) return EXIT_ERROR;
    return failures.length > 0 ? EXIT_REFUSED : EXIT_OK;
  });
}

/**
 * Registers `passrotate rotate-domain`.
 *
 * @example
 * ```ts
 * program.addCommand(rotateDomainCommand()); // passrotate rotate-domain --store sqlite:mail.sqlite --domain example.org --out new.csv
 * ```
 */
export function rotateDomainCommand(): Command {
  const command = new Command('rotate-domain')
    .description(
      'Give every mailbox of a domain a new generated password, revoke its sessions, list them as CSV/JSON',
    )
    .requiredOption('--domain <domain>', 'the domain to rotate', parseDomain)
    .option('--temporary', 'owners must change the new password at next login (default)', true)
    .option('--no-temporary', 'make the new passwords permanent')
    .option('--dry-run', 'list the mailboxes without changing anything')
    .option(
      '--out <file.csv|file.json>',
      "write the list to this file (mode 0600) instead of stdout; CSV cells starting with = + - @ get a leading ' (spreadsheet formula injection), JSON keeps every value exact",
    );
  return addStoreOptions(addGeneratorOptions(command), { hashing: true }).action(
    async (options: RotateDomainOptions) => {
      process.exitCode = await runRotateDomain(options);
    },
  );
}
