/** @module The CLI's sub-commands by name, each loaded only when it runs (or when the full help is shown). */
import type { Command } from 'commander';

/**
 * Every sub-command, by name: a loader that imports its module and builds it. Loading only the
 * command being run keeps `generate` and `check` from paying for the hash engines, SQL drivers and
 * Dovecot adapters the storage commands import.
 *
 * @example
 * ```ts
 * program.addCommand(await COMMAND_LOADERS.generate());
 * ```
 */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  generate: async () => (await import('./generate.js')).generateCommand(),
  check: async () => (await import('./check.js')).checkCommand(),
  explain: async () => (await import('./explain.js')).explainCommand(),
  hash: async () => (await import('./hash.js')).hashCommand(),
  verify: async () => (await import('./verify.js')).verifyCommand(),
  calibrate: async () => (await import('./calibrate.js')).calibrateCommand(),
  set: async () => (await import('./set.js')).setCommand(),
  'rotate-domain': async () => (await import('./rotate-domain.js')).rotateDomainCommand(),
  expire: async () => (await import('./expire.js')).expireCommand(),
  remind: async () => (await import('./remind.js')).remindCommand(),
  sessions: async () => (await import('./sessions.js')).sessionsCommand(),
  resume: async () => (await import('./resume.js')).resumeCommand(),
  serve: async () => (await import('./serve.js')).serveCommand(),
};

/**
 * Adds to `program` the sub-command `args` names (its first word that is not an option), or every
 * sub-command when `args` names none of them (help, `help <command>`, an unknown or missing
 * command), none for a bare `--version`. Each inherits the program's settings (notably `exitOverride`, so usage errors reach
 * `main.ts` and exit with code 2).
 *
 * @example
 * ```ts
 * await registerCommands(new Command('passrotate'), ['generate', '--count', '3']);
 * ```
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const named = args.find((arg) => !arg.startsWith('-'));
  if (named === undefined && (args.includes('--version') || args.includes('-V'))) return;
  const names =
    named !== undefined && Object.hasOwn(COMMAND_LOADERS, named) ? [named] : Object.keys(COMMAND_LOADERS);
  const commands = await Promise.all(
    names.map((name) => (COMMAND_LOADERS[name] as () => Promise<Command>)()),
  );
  for (const command of commands) program.addCommand(inheritSettings(command, program));
}

/** Copies `parent`'s settings to `command` and to its own sub-commands (e.g. `sessions revoke`). */
function inheritSettings(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheritSettings(sub, command);
  return command;
}
