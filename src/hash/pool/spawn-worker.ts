/** @module Starts a worker thread from a built `.js` module, or from a `.ts` source through tsx (tests, development). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The URL of tsx's ESM registration API, read from tsx's own exports map. */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
}

/**
 * Starts `script` in a worker thread. A `.js` module is started as is. A `.ts` source (only when
 * running from the sources, where tsx is installed as a dev tool) is started by a small bootstrap
 * that registers tsx's loader inside the new thread first: Node 20 ignores `--import` in a worker's
 * `execArgv`.
 *
 * @param script - The worker module.
 * @param options - Worker options (`workerData`, …).
 * @returns The started worker.
 * @example
 * ```ts
 * const worker = spawnWorker(new URL('./kdf-worker.js', import.meta.url), { workerData });
 * ```
 */
export function spawnWorker(script: URL, options: WorkerOptions = {}): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
  const bootstrap =
    `import(${JSON.stringify(tsxApiUrl())})` +
    '.then((tsx) => tsx.register())' +
    `.then(() => import(${JSON.stringify(script.href)}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}
