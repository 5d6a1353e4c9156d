/** @module Where the KDF worker script is, whether we run from the built package or from TypeScript sources. */

/**
 * Finds the KDF worker for code loaded from `moduleUrl`. From TypeScript sources (tests, tsx) it is
 * `kdf-worker.ts` beside this file. In the build, every file that can start the pool
 * (`dist/hash/node.js`, `dist/node/index.js`, a shared chunk in `dist/chunks/`, a CLI chunk in `dist/cli/`) sits one
 * folder below `dist/`, so the worker is `dist/hash/kdf-worker.js` relative to each.
 *
 * @param moduleUrl - Where this code was loaded from; default `import.meta.url` of this module (or of
 * the bundle it was built into).
 * @returns The worker script's URL.
 * @example
 * ```ts
 * const script = kdfWorkerUrl();
 * ```
 */
export function kdfWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return moduleUrl.endsWith('.ts')
    ? new URL('./kdf-worker.ts', moduleUrl)
    : new URL('../hash/kdf-worker.js', moduleUrl);
}
