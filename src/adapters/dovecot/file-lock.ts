/** @module Serialises writers of one file: a promise queue in this process, a lock file across processes. */
import { open, rm, stat } from 'node:fs/promises';
import { PassrotateError } from '../../errors.js';

const queues = new Map<string, Promise<unknown>>();

/**
 * How `withFileLock` waits.
 *
 * @example
 * ```ts
 * const options: FileLockOptions = { timeoutMs: 5_000, staleMs: 60_000 };
 * await withFileLock('/etc/dovecot/users.lock', async () => rewrite(), options);
 * ```
 */
export interface FileLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** A lock file older than this is taken to be left by a crashed process and removed (default 30 s). */
  readonly staleMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(lockPath: string, options: FileLockOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const info = await stat(lockPath).catch(() => null);
    if (info && Date.now() - info.mtimeMs > staleMs) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new PassrotateError('lock_timeout', `passwd-file: could not take the lock ${lockPath} in time`);
    }
    await sleep(delay + Math.random() * delay);
  }
}

/**
 * Runs `work` while holding `lockPath`: calls in this process queue behind each other (per lock
 * path), and other processes are kept out by creating the lock file exclusively (`O_EXCL`),
 * removed afterwards.
 *
 * @throws PassrotateError `lock_timeout` when the lock is not free within `timeoutMs`.
 * @example
 * ```ts
 * await withFileLock('/etc/dovecot/users.lock', async () => rewrite());
 * ```
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.then(async () => {
    await acquire(lockPath, options);
    try {
      return await work();
    } finally {
      await rm(lockPath, { force: true });
    }
  });
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(lockPath, settled);
  void settled.then(() => {
    if (queues.get(lockPath) === settled) queues.delete(lockPath);
  });
  return run;
}
