/** @module How `hash`, `verify` and `check` get a password: prompted without echo on a terminal, else one line of stdin. */
import { readPasswordLine } from './read-stdin.js';
import { askHidden, type TerminalInput } from './read-terminal.js';

/**
 * A password read for a command, or why there is none (a usage error: exit 2).
 *
 * @example
 * ```ts
 * const read: PasswordRead = { ok: false, problem: 'empty password' };
 * ```
 */
export type PasswordRead =
  | { readonly ok: true; readonly password: string }
  | { readonly ok: false; readonly problem: string };

function checked(password: string): PasswordRead {
  return password === '' ? { ok: false, problem: 'empty password' } : { ok: true, password };
}

/**
 * A new password: on a terminal asked twice without echo (`Enter new password:` /
 * `Retype new password:`, like `doveadm pw`), the two must match; otherwise the first line of
 * standard input. An empty password is refused.
 *
 * @example
 * ```ts
 * const read = await readNewPassword();
 * if (!read.ok) command.error(`error: ${read.problem}`, { exitCode: 2 });
 * ```
 */
export async function readNewPassword(input: NodeJS.ReadStream = process.stdin): Promise<PasswordRead> {
  if (input.isTTY !== true) return checked(await readPasswordLine(input));
  const answers = await askHidden(
    ['Enter new password: ', 'Retype new password: '],
    input as unknown as TerminalInput,
  );
  if (answers === null) return { ok: false, problem: 'cancelled' };
  const [first = '', second = ''] = answers;
  if (first !== second) return { ok: false, problem: "passwords don't match" };
  return checked(first);
}

/**
 * A password to check: on a terminal asked once without echo (`Enter password to verify:`),
 * otherwise the first line of standard input. An empty password is refused.
 *
 * @example
 * ```ts
 * const read = await readPasswordToVerify();
 * ```
 */
export async function readPasswordToVerify(input: NodeJS.ReadStream = process.stdin): Promise<PasswordRead> {
  if (input.isTTY !== true) return checked(await readPasswordLine(input));
  const answers = await askHidden(['Enter password to verify: '], input as unknown as TerminalInput);
  return answers === null ? { ok: false, problem: 'cancelled' } : checked(answers[0] ?? '');
}
