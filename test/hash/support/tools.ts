/** @module Finding and running the real password tools for the live interop tests. */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's python3: the only interpreter that sees python3-passlib, -argon2 and -bcrypt. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** `true` when `command` runs (found on PATH and exits 0 for `args`). */
export function toolWorks(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `true` when Debian's python3 can import passlib. */
export const hasPasslib: boolean =
  existsSync(SYSTEM_PYTHON) && toolWorks(SYSTEM_PYTHON, ['-c', 'import passlib, bcrypt, argon2, crypt']);

/** `true` when doveadm is installed. */
export const hasDoveadm: boolean = toolWorks('doveadm', ['pw', '-s', 'PLAIN', '-p', 'x']);

/** Runs `doveadm pw -t STORED -p PASSWORD [-u USER]`; resolves `true` on exit 0. */
export function doveadmAccepts(stored: string, password: string, user?: string): Promise<boolean> {
  const args = ['pw', '-t', stored, '-p', password, ...(user ? ['-u', user] : [])];
  return new Promise((resolve) => {
    execFile('doveadm', args, (error) => resolve(error === null));
  });
}

/** Maps over `items` with at most `limit` promises in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Runs a Python program with JSON on stdin and parses its JSON stdout. */
export function runPythonJson<T>(program: string, input: unknown): T {
  const out = execFileSync(SYSTEM_PYTHON, ['-c', program], {
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}
