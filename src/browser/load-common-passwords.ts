/** @module `loadCommonPasswords`: fetches the common-password list as its own chunk, when a page wants it. */
import { provideCommonPasswordList } from '../policy/blocklist/common-password-list.js';

let loading: Promise<void> | undefined;

/**
 * Loads the 20,000-word common-password list (about 55 KB gzip) and hands it to the blocklist rule;
 * from then on `validatePassword` refuses common passwords in the page too, and `checkRequirements`
 * judges the `common_password` line. The list is a dynamic `import()`, so a bundler with code
 * splitting (Vite, Rollup, webpack, esbuild with `splitting: true`) emits it as a separate file that
 * is fetched only when this is called. Calling it again returns the same promise.
 *
 * @returns a promise that settles once the list is in use (rejects if the chunk cannot be fetched;
 *   call again to retry).
 * @example
 * ```ts
 * loadCommonPasswords().then(refreshRequirementLines, () => {});
 * ```
 */
export function loadCommonPasswords(): Promise<void> {
  loading ??= import('../policy/blocklist/common-passwords-folded.js').then(
    ({ FOLDED_COMMON_PASSWORDS }) => provideCommonPasswordList(FOLDED_COMMON_PASSWORDS),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
