/** @module `passrotate hash`: writes (or with `-t` checks) a stored password hash; flags as `doveadm pw`. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { type HashParams, hashPassword, listSchemes, verifyPassword } from '../../hash/node.js';
import { type PasswordRead, readNewPassword, readPasswordToVerify } from '../read-password.js';
import { costKnob } from '../scheme-cost.js';

/**
 * The scheme `passrotate hash` writes when `-s` is not given: Argon2id, OWASP's first choice.
 *
 * @example
 * ```ts
 * await hashPassword(password, { scheme: DEFAULT_CLI_SCHEME }); // what `passrotate hash` does without -s
 * ```
 */
export const DEFAULT_CLI_SCHEME = 'ARGON2ID';

interface HashFlags {
  scheme: string;
  rounds?: number;
  password?: string;
  user?: string;
  test?: string;
  list?: boolean;
}

function parseRounds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('must be a positive integer');
  }
  return n;
}

/** The scheme's work factor set to `rounds`, or a usage error for a scheme that has none. */
function roundsParams(scheme: string, rounds: number | undefined, command: Command): HashParams | undefined {
  if (rounds === undefined) return undefined;
  const knob = costKnob(scheme.replace(/\.(HEX|B64)$/i, ''));
  if (!knob) {
    command.error(`error: scheme ${scheme} takes no rounds`, {
      exitCode: 2,
      code: 'commander.invalidArgument',
    });
  }
  return { ...knob.fixed, [knob.param]: rounds };
}

/** `-l`: one scheme per line, with its default parameters and whether Dovecot reads it. */
function listing(): string {
  const schemes = listSchemes();
  const width = Math.max(...schemes.map(({ scheme }) => scheme.length));
  const lines = schemes.map(({ scheme, writable, dovecot, defaults }) => {
    const notes = [
      Object.entries(defaults ?? {})
        .map(([key, value]) => `${key}=${value}`)
        .join(','),
      writable ? '' : '(verify only)',
      dovecot ? '' : '(not read by Dovecot)',
    ].filter((note) => note !== '');
    return [scheme.padEnd(width), ...notes].join(' ').trimEnd();
  });
  return `${lines.join('\n')}\n`;
}

/**
 * `-t`: checks the password against a stored hash, printing `STORED (verified)` and exiting 0 on a
 * match, exiting 1 on a mismatch (a malformed hash is an error: exit 2).
 */
async function test(stored: string, password: string, user: string | undefined): Promise<void> {
  if (await verifyPassword(password, stored, user === undefined ? {} : { user })) {
    process.stdout.write(`${stored} (verified)\n`);
  } else {
    process.stderr.write('passrotate: password mismatch\n');
    process.exitCode = 1;
  }
}

/**
 * The `hash` command: `passrotate hash [-s SCHEME] [-r ROUNDS] [-p PASSWORD] [-u USER]` prints the
 * stored form (`{SCHEME}…`) of the password read from standard input (one line) or given with `-p`;
 * on a terminal it asks twice without echo (`Enter new password:` / `Retype new password:`, a
 * mismatch is exit 2), and an empty password is a usage error (exit 2);
 * `-t STORED` verifies instead (exit 0 match, 1 mismatch); `-l` lists the schemes with their
 * default parameters. `-r` sets the
 * scheme's work factor: rounds for SHA-crypt, PBKDF2 and SCRAM, the cost for BLF-CRYPT, the passes
 * (`t`) for Argon2, `ln` for scrypt.
 *
 * @example
 * ```ts
 * program.addCommand(hashCommand());
 * // echo 'Correct-Horse-9' | passrotate hash -s SHA512-CRYPT -r 100000
 * ```
 */
export function hashCommand(): Command {
  return new Command('hash')
    .description('print the stored hash of a password (read from stdin), like `doveadm pw`')
    .option('-s, --scheme <scheme>', 'password scheme', DEFAULT_CLI_SCHEME)
    .addOption(new Option('-r, --rounds <n>', 'work factor of the scheme').argParser(parseRounds))
    .option('-p, --password <password>', 'the password (visible to other users: prefer stdin)')
    .option('-u, --user <user>', 'account name, for schemes salted with it (DIGEST-MD5)')
    .option(
      '-t, --test <stored>',
      'verify the password against a stored hash instead (exit 0 match, 1 mismatch)',
    )
    .option('-l, --list', 'list the schemes')
    .action(async (flags: HashFlags, command: Command) => {
      if (flags.list) {
        process.stdout.write(listing());
        return;
      }
      const read: PasswordRead =
        flags.password !== undefined
          ? flags.password === ''
            ? { ok: false, problem: 'empty password' }
            : { ok: true, password: flags.password }
          : flags.test !== undefined
            ? await readPasswordToVerify()
            : await readNewPassword();
      if (!read.ok) {
        return command.error(`error: ${read.problem}`, { exitCode: 2, code: 'commander.invalidPassword' });
      }
      const { password } = read;
      if (flags.test !== undefined) {
        await test(flags.test, password, flags.user);
        return;
      }
      const params = roundsParams(flags.scheme, flags.rounds, command);
      const stored = await hashPassword(password, {
        scheme: flags.scheme,
        ...(params === undefined ? {} : { params }),
        ...(flags.user === undefined ? {} : { user: flags.user }),
      });
      process.stdout.write(`${stored}\n`);
    });
}
