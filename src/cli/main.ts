/** @module The `passrotate` command line: one sub-command per file under `commands/`, loaded on demand. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';

/** The package's version: package.json sits two levels above both `src/cli/main.ts` and `dist/cli/main.js`. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String((manifest as { version?: unknown }).version);
}

const program = new Command('passrotate')
  .description('Password policy, generation, mail-server hashes and rotation for mail panels')
  .version(packageVersion(), '-V, --version', 'print the version and exit')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

try {
  await registerCommands(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  // commander throws on usage errors (exitOverride). Asked-for help and version exit 0; help shown
  // because no command was given (`commander.help`) is a usage error.
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') {
    process.exitCode = EXIT_OK;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exitCode = EXIT_ERROR;
  } else {
    // An unexpected failure (e.g. a store that cannot be opened): its message and its code, if any.
    const message = error instanceof Error ? error.message : String(error);
    const withCode = code === undefined || message.includes(String(code)) ? message : `${message} (${code})`;
    process.stderr.write(`passrotate: ${withCode}\n`);
    process.exitCode = EXIT_ERROR;
  }
}
