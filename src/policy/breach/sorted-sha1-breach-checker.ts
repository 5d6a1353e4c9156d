/** @module A `BreachChecker` over a sorted in-memory list of SHA-1 lines (pure: runs in the browser too). */
import { PassrotateError } from '../../errors.js';
import type { BreachChecker } from '../../ports/breach-checker.js';
import { parseBreachLine, passwordSha1Hex } from './sha1.js';

/**
 * A {@link BreachChecker} over lines `HASH[:COUNT]` sorted by hash (the HIBP downloader format, or
 * any excerpt of it), looked up by binary search. For a multi-gigabyte file on disk use
 * `hibpOfflineBreachChecker` from `passrotate/adapters/hibp-offline`.
 *
 * @param lines - the lines, sorted by hash (case-insensitive); empty lines are ignored.
 * @returns the checker.
 * @throws PassrotateError `malformed_breach_list` for a malformed or unsorted line (no line content
 *   is put in the message).
 * @example
 * ```ts
 * const checker = sortedSha1BreachChecker(['5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004']);
 * await checker.occurrences('password'); // 10434004
 * ```
 */
export function sortedSha1BreachChecker(lines: readonly string[]): BreachChecker {
  const hashes: string[] = [];
  const counts: number[] = [];
  lines.forEach((line, index) => {
    if (line === '' || line === '\r') return;
    const parsed = parseBreachLine(line);
    if (parsed === null)
      throw new PassrotateError('malformed_breach_list', `line ${index + 1} is not HASH[:COUNT]`);
    const previous = hashes[hashes.length - 1];
    if (previous !== undefined && previous > parsed.hash) {
      throw new PassrotateError('malformed_breach_list', `line ${index + 1} is out of order`);
    }
    hashes.push(parsed.hash);
    counts.push(parsed.count);
  });
  return {
    async occurrences(password: string): Promise<number> {
      const target = passwordSha1Hex(password);
      let lo = 0;
      let hi = hashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const hash = hashes[mid] as string;
        if (hash === target) return counts[mid] as number;
        if (hash < target) lo = mid + 1;
        else hi = mid;
      }
      return 0;
    },
  };
}
