/** @module Runs `passrotate serve` from source in a child process and waits until it listens. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

/** A running `passrotate serve`. */
export interface ServeProcess {
  readonly url: string;
  /** Everything it wrote to stderr (its request log). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `passrotate serve …args` and resolves with its URL once it says `serving on URL`.
 *
 * @example
 * ```ts
 * const service = await startServe(['--store', 'sqlite:mail.sqlite', '--listen', '127.0.0.1:0', '--secret-file', f]);
 * ```
 */
export function startServe(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`passrotate serve did not start:\n${stderr}`));
    }, 20_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /serving on (\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, log: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`passrotate serve exited with ${code}:\n${stderr}`));
    });
  });
}
