/** @module Replaces a file atomically (temp file + fsync + rename) so readers see the old or the new text, never a mix. */
import { randomBytes } from 'node:crypto';
import { chmod, chown, open, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * How `replaceFile` treats the new file.
 *
 * @example
 * ```ts
 * const options: ReplaceFileOptions = { mode: 0o640, bumpMtime: true };
 * await replaceFile('/etc/dovecot/users', text, options);
 * ```
 */
export interface ReplaceFileOptions {
  /** Mode for a file that does not exist yet (an existing file's mode, owner and group are kept). */
  readonly mode?: number;
  /**
   * Make sure the new file's mtime differs from the old one in whole seconds when the size is the
   * same, because Dovecot re-reads a passwd-file only when its mtime (in seconds) or size changes.
   */
  readonly bumpMtime?: boolean;
}

/**
 * Writes `text` to a temporary file beside `path`, flushes it, copies the old file's mode and
 * owner, bumps the mtime if asked, and renames it over `path`.
 *
 * @example
 * ```ts
 * await replaceFile('/etc/dovecot/users', text, { bumpMtime: true });
 * ```
 */
export async function replaceFile(
  path: string,
  text: string,
  options: ReplaceFileOptions = {},
): Promise<void> {
  const old = await stat(path).catch(() => null);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const data = Buffer.from(text, 'utf8');
  try {
    const handle = await open(temp, 'wx', old ? old.mode & 0o7777 : (options.mode ?? 0o600));
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (old) {
      await chmod(temp, old.mode & 0o7777);
      if (process.getuid?.() === 0) await chown(temp, old.uid, old.gid);
      if (options.bumpMtime && old.size === data.length) {
        const oldSecond = Math.floor(old.mtimeMs / 1000);
        const nowSecond = Math.floor(Date.now() / 1000);
        if (nowSecond <= oldSecond) {
          const next = new Date((oldSecond + 1) * 1000);
          await utimes(temp, next, next);
        }
      }
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
