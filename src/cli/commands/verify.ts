/** @module `passrotate verify`: checks a password from standard input against a stored hash. */
import { Command } from 'commander';
import { verifyPassword } from '../../hash/node.js';
import { readPasswordToVerify } from '../read-password.js';

/**
 * The `verify` command: `passrotate verify STORED [-u USER]` reads one line from standard input and
 * exits 0 when it matches `STORED`, 1 when it does not, 2 when `STORED` is malformed, unknown or
 * asks for an absurd cost (the error's code is printed, never the password), or when the password
 * is empty. On a terminal it asks once, without echo (`Enter password to verify:`).
 *
 * @example
 * ```ts
 * program.addCommand(verifyCommand());
 * // printf '%s\n' "$PW" | passrotate verify '{BLF-CRYPT}$2y$10$…' && echo ok
 * ```
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('check the password on stdin against a stored hash (exit 0 match, 1 mismatch, 2 malformed)')
    .argument('<stored>', 'the stored hash ({SCHEME}…, crypt, PHC, passlib or Django form)')
    .option('-u, --user <user>', 'account name, for schemes salted with it (DIGEST-MD5)')
    .action(async (stored: string, flags: { user?: string }, command: Command) => {
      const read = await readPasswordToVerify();
      if (!read.ok) {
        return command.error(`error: ${read.problem}`, { exitCode: 2, code: 'commander.invalidPassword' });
      }
      const { password } = read;
      const ok = await verifyPassword(password, stored, flags.user === undefined ? {} : { user: flags.user });
      if (!ok) {
        process.stderr.write('passrotate: password mismatch\n');
        process.exitCode = 1;
      }
    });
}
