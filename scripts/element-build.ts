/**
 * @module How `passrotate/element` is bundled: one self-contained browser ES module, without the
 * common-password list (the server checks that list on submit; the element marks the line so).
 */
import type { Plugin } from 'esbuild';

/** The element's entry file. */
export const ELEMENT_ENTRY = 'src/element/index.ts';

/**
 * esbuild plugin that swaps the bundled common-password list (about 100 KB gzip) for an empty one,
 * so `isCommonPassword` is `false` in the element's bundle and the generator skips its prefilter.
 *
 * @example
 * ```ts
 * await build({ entryPoints: [ELEMENT_ENTRY], bundle: true, plugins: [withoutCommonPasswords] });
 * ```
 */
export const withoutCommonPasswords: Plugin = {
  name: 'passrotate-without-common-passwords',
  setup(build) {
    build.onResolve({ filter: /(^|\/)common-passwords\.js$/ }, (args) => ({
      path: args.path,
      namespace: 'passrotate-empty-list',
    }));
    build.onLoad({ filter: /.*/, namespace: 'passrotate-empty-list' }, () => ({
      contents: "export const COMMON_PASSWORDS = '';",
      loader: 'js',
    }));
  },
};
