/**
 * @module Static assets of the example servers: the stylesheet, the icon, and the browser scripts
 * (the `<passrotate-password>` element and the admin dialog), bundled once per process by esbuild;
 * code splitting puts the common-password list in its own chunk, served from here too and fetched
 * the first time a password field gets focus (the element's `data-common-passwords="lazy"`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Env, Hono } from 'hono';
import { compress } from 'hono/compress';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The browser scripts, by the file name they are served under. */
const CLIENT_ENTRIES: Readonly<Record<string, string>> = {
  'passrotate-password.js': here('../../src/element/index.ts'),
  'admin-dialog.js': here('./client/admin-dialog.ts'),
};

const STATIC_FILES: Readonly<Record<string, { path: string; type: string }>> = {
  'app.css': { path: here('./assets/app.css'), type: 'text/css; charset=utf-8' },
  'favicon.svg': { path: here('./assets/favicon.svg'), type: 'image/svg+xml' },
};

let bundles: Promise<ReadonlyMap<string, string>> | undefined;

/**
 * Bundles the browser scripts and their chunks (memoised): ES2020 modules, minified, no Node
 * built-ins — the build fails if the library's browser entry ever pulls one in.
 *
 * @example
 * ```ts
 * const files = await clientBundles();
 * files.get('passrotate-password.js');
 * ```
 */
export function clientBundles(): Promise<ReadonlyMap<string, string>> {
  bundles ??= build({
    entryPoints: Object.entries(CLIENT_ENTRIES).map(([out, input]) => ({
      in: input,
      out: out.replace(/\.js$/, ''),
    })),
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    minify: true,
    splitting: true,
    outdir: 'out',
    logLevel: 'silent',
  }).then(
    (result) => new Map(result.outputFiles.map((file) => [file.path.split('/').pop() ?? '', file.text])),
  );
  return bundles;
}

/**
 * Serves `/assets/*`: the stylesheet, the icon and the bundled scripts, compressed and cacheable for
 * an hour.
 *
 * @example
 * ```ts
 * mountAssets(app);
 * ```
 */
export function mountAssets<E extends Env>(app: Hono<E>): void {
  app.use('/assets/*', compress());
  app.get('/assets/:file', async (c) => {
    const name = c.req.param('file');
    const file = STATIC_FILES[name];
    const headers = { 'Cache-Control': 'public, max-age=3600' };
    if (file) {
      return c.body(await readFile(file.path), 200, { ...headers, 'Content-Type': file.type });
    }
    const script = (await clientBundles()).get(name);
    if (script === undefined) return c.notFound();
    return c.body(script, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
  });
}
