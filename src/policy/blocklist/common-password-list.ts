/** @module Where the common-password list comes from: given once by the entry that bundles or loads it. */

let list: string | null = null;

/**
 * Hands the newline-separated common-password list to the blocklist rule (internal): folded,
 * distinct and sorted, as `common-passwords-folded.ts` has it. The root entry's `definePolicy`
 * gives the bundled list; the browser entry's `loadCommonPasswords` gives it
 * once its chunk has loaded. Later calls are ignored: the list never changes under a running check.
 *
 * @example
 * ```ts
 * provideCommonPasswordList(FOLDED_COMMON_PASSWORDS);
 * ```
 */
export function provideCommonPasswordList(text: string): void {
  list ??= text;
}

/**
 * The list, or `null` while no entry has given it (a browser page before `loadCommonPasswords`).
 *
 * @example
 * ```ts
 * commonPasswordList()?.split('\n').length; // 19906
 * ```
 */
export function commonPasswordList(): string | null {
  return list;
}
