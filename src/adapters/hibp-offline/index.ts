/** @module passrotate/adapters/hibp-offline */
// A `BreachChecker` over a sorted SHA-1 file on disk.
// Node only; works with the Have I Been Pwned "Pwned Passwords" download.
import { open } from 'node:fs/promises';
import { PassrotateError } from '../../errors.js';
import { parseBreachLine, passwordSha1Hex } from '../../policy/breach/sha1.js';
import type { BreachChecker } from '../../ports/breach-checker.js';

/**
 * Options of {@link hibpOfflineBreachChecker}.
 *
 * @example
 * ```ts
 * const options: HibpOfflineOptions = { path: '/var/lib/hibp/pwned-passwords-sha1-ordered-by-hash.txt' };
 * ```
 */
export interface HibpOfflineOptions {
  /** A file of `HASH:COUNT` lines sorted by SHA-1 hash (uppercase or lowercase hex, LF or CRLF). */
  readonly path: string;
}

/** Longer than any valid line (40 hex + `:` + a count + CRLF), twice over. */
const WINDOW = 256;

interface Line {
  readonly start: number;
  readonly hash: string;
  readonly count: number;
}

/**
 * A {@link BreachChecker} that binary-searches a sorted SHA-1 file without loading it: about
 * log2(size) reads of 256 bytes per lookup (≈ 35 for the 40 GB HIBP file), so it suits a panel
 * server with the corpus on local disk. The file is opened per lookup, so it may be replaced
 * (atomically, by rename) while the server runs. Only the SHA-1 of the password is computed; the
 * password itself never leaves memory.
 *
 * @param options - where the file is.
 * @returns the checker; `occurrences` rejects with `PassrotateError` `malformed_breach_file` when the
 *   file is not in the expected form, or with the file system's error (e.g. ENOENT) as `cause` of a
 *   `breach_file_unreadable` error.
 * @example
 * ```ts
 * import { hibpOfflineBreachChecker } from 'passrotate/adapters/hibp-offline';
 * const breachChecker = hibpOfflineBreachChecker({ path: 'pwned-passwords-sha1-ordered-by-hash.txt' });
 * await validatePasswordAsync(policy, candidate, { breachChecker });
 * ```
 */
export function hibpOfflineBreachChecker(options: HibpOfflineOptions): BreachChecker {
  if (typeof options?.path !== 'string' || options.path === '')
    throw new TypeError('path must be a non-empty string');
  const path = options.path;
  return {
    async occurrences(password: string): Promise<number> {
      const target = passwordSha1Hex(password);
      let file: Awaited<ReturnType<typeof open>>;
      try {
        file = await open(path, 'r');
      } catch (cause) {
        throw new PassrotateError('breach_file_unreadable', 'hibp-offline: cannot open the breach file', {
          cause,
        });
      }
      try {
        const { size } = await file.stat();
        const buffer = Buffer.alloc(WINDOW);
        /** The first line starting at or after `offset`, or null past the end. */
        const lineFrom = async (offset: number): Promise<Line | null> => {
          const from = offset === 0 ? 0 : offset - 1;
          const { bytesRead } = await file.read(buffer, 0, WINDOW, from);
          const text = buffer.toString('latin1', 0, bytesRead);
          let start = 0;
          if (offset !== 0) {
            const newline = text.indexOf('\n');
            if (newline < 0) return null;
            start = newline + 1;
          }
          if (start >= text.length) return null;
          const end = text.indexOf('\n', start);
          if (end < 0 && from + bytesRead < size) throw malformed();
          const parsed = parseBreachLine(text.slice(start, end < 0 ? text.length : end));
          if (parsed === null) throw malformed();
          return { start: from + start, ...parsed };
        };
        let lo = 0;
        let hi = size;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          const line = await lineFrom(mid);
          if (line === null || line.hash > target) hi = mid;
          else if (line.hash < target) lo = line.start + 1;
          else return line.count;
        }
        return 0;
      } finally {
        await file.close();
      }
    },
  };
}

function malformed(): PassrotateError {
  return new PassrotateError(
    'malformed_breach_file',
    'hibp-offline: the breach file is not sorted HASH:COUNT lines',
  );
}
