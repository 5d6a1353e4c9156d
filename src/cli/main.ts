/** @module The `passrotate` command line: one sub-command per file under `commands/`. */
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('passrotate')
  .description('Password policy, generation, mail-server hashes and rotation for mail panels')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // commander throws on usage errors (exitOverride). Asked-for help and version exit 0; help shown
  // because no command was given (`commander.help`) is a usage error.
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') {
    process.exitCode = 0;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exitCode = 2;
  } else {
    process.stderr.write(`passrotate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
