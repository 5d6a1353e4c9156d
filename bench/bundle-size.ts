/**
 * @module `npm run bench:size`: gzip size of the browser live-form subset (`passrotate/browser`:
 * definePolicy, validatePassword, generatePassword, describePolicy), bundled minified with esbuild
 * as a page's bundler would (code splitting on), next to password-validator's bundle.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
/** password-validator 5.3.0 measured this way when bench's dependencies are not installed. */
const PASSWORD_VALIDATOR_FALLBACK_BYTES = 1.9 * 1024;
const LIMIT_BYTES = 30 * 1024;

/** Gzip bytes of the entry chunk and of every lazily loaded chunk. */
async function gzipSizes(contents: string): Promise<{ entry: number; lazy: number }> {
  const result = await build({
    stdin: { contents, resolveDir: here, sourcefile: 'page.js' },
    bundle: true,
    write: false,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    logLevel: 'silent',
  });
  let entry = 0;
  let lazy = 0;
  for (const file of result.outputFiles) {
    const size = gzipSync(file.contents).length;
    if (file.path.endsWith('/out/stdin.js')) entry = size;
    else lazy += size;
  }
  return { entry, lazy };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const ours = await gzipSizes(
  'export { definePolicy, validatePassword, generatePassword, describePolicy } from "../dist/browser/index.js";',
);
const root = await gzipSizes(
  'export { definePolicy, validatePassword, generatePassword, describePolicy } from "../dist/index.js";',
);
let peer: { bytes: number; measured: boolean };
try {
  createRequire(import.meta.url).resolve('password-validator');
  peer = { bytes: (await gzipSizes('export { default } from "password-validator";')).entry, measured: true };
} catch {
  peer = { bytes: PASSWORD_VALIDATOR_FALLBACK_BYTES, measured: false };
}

process.stdout.write(
  `bundle (esbuild, minified, gzip)                        size\n` +
    `passrotate/browser live-form subset                     ${kb(ours.entry)}  (+ ${kb(ours.lazy)} common-password list, loaded by loadCommonPasswords())\n` +
    `same four functions from the root entry                 ${kb(root.entry)}\n` +
    `password-validator                                      ${kb(peer.bytes)}${peer.measured ? '' : ' (earlier measurement; bench deps not installed)'}\n` +
    `\nsubset ÷ password-validator = ${(ours.entry / peer.bytes).toFixed(1)}×; ` +
    `subset ≤ 30 KB gzip: ${ours.entry <= LIMIT_BYTES ? 'met' : 'MISSED'}\n`,
);
