/** @module The page size every `listByDomain` uses. */

/**
 * The page size of `listByDomain`: `limit` or 100, at least 1, at most 1000.
 *
 * @example
 * ```ts
 * pageLimit(undefined); // 100
 * ```
 */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  return Math.min(limit, 1000);
}
