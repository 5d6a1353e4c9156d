/**
 * @module How `passrotate/element` is bundled: one self-contained browser ES module, without the
 * common-password list (the server checks that list on submit; the element marks the line so).
 */
import type { Plugin } from 'esbuild';

/** The element's entry file. */
export const ELEMENT_ENTRY = 'src/element/index.ts';

/**
 * esbuild plugin that keeps the common-password list (about 78 KB gzip) out of a bundle without code
 * splitting, where `loadCommonPasswords()`'s dynamic import would otherwise inline it: the list
 * module is swapped for one that throws, so `loadCommonPasswords()` rejects and the
 * `common_password` line stays unjudged ("checked when you save") instead of passing every password.
 *
 * @example
 * ```ts
 * await build({ entryPoints: [ELEMENT_ENTRY], bundle: true, plugins: [withoutCommonPasswords] });
 * ```
 */
export const withoutCommonPasswords: Plugin = {
  name: 'passrotate-without-common-passwords',
  setup(build) {
    build.onResolve({ filter: /(^|\/)common-passwords(-folded)?\.js$/ }, (args) => ({
      path: args.path,
      namespace: 'passrotate-no-list',
    }));
    build.onLoad({ filter: /.*/, namespace: 'passrotate-no-list' }, () => ({
      contents: "throw new Error('passrotate/element: this build has no common-password list');",
      loader: 'js',
    }));
  },
};
