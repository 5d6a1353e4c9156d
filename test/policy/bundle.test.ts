import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The live-form subset a page imports from `passrotate/browser`. */
const SUBSET =
  'export { definePolicy, validatePassword, generatePassword, describePolicy } from "./src/browser/index.ts";';

/** Bundles `contents` for the browser, minified, with code splitting (as a page's bundler would). */
async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), sourcefile: 'page.ts', loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    splitting: true,
    outdir: 'out',
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  const entry = result.outputFiles.find((f) => f.path.endsWith('/out/stdin.js'));
  const entryMeta = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('stdin.js'))?.[1];
  if (entry === undefined || entryMeta === undefined) throw new Error('no entry output');
  const inputs = Object.entries(entryMeta.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { result, entry, inputs };
}

function importsOf(metafile: Metafile): string[] {
  return Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
}

describe('root entry bundle', () => {
  it('builds for the browser without any node: module', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/policy/validate.ts');
    expect(importsOf(result.metafile).filter((path) => path.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from\s*["']node:|require\(\s*["']node:/);
    expect(code.length).toBeGreaterThan(100_000);
  });
});

describe('passrotate/browser bundle', () => {
  it('the live-form subset is at most 30 KB gzip, with no node: import, no zod and no word list', async () => {
    const { result, entry, inputs } = await bundle(SUBSET);
    const gzip = gzipSync(entry.contents).length;
    expect(gzip).toBeLessThanOrEqual(30 * 1024);
    expect(inputs).toContain('src/policy/validate.ts');
    expect(inputs).toContain('src/generator/generate-password.ts');
    expect(inputs.filter((path) => path.includes('node_modules/zod'))).toEqual([]);
    expect(inputs.filter((path) => /common-passwords|eff-large-wordlist/.test(path))).toEqual([]);
    expect(importsOf(result.metafile).filter((path) => path.startsWith('node:'))).toEqual([]);
    expect(entry.text).not.toMatch(/["']node:|zod/);
  });

  it('loadCommonPasswords puts the list in its own chunk, fetched only when called', async () => {
    const { result, entry, inputs } = await bundle(
      'export { definePolicy, validatePassword, loadCommonPasswords } from "./src/browser/index.ts";',
    );
    expect(inputs).not.toContain('src/policy/blocklist/common-passwords-folded.ts');
    const chunks = Object.entries(result.metafile.outputs).filter(([, out]) =>
      Object.keys(out.inputs).includes('src/policy/blocklist/common-passwords-folded.ts'),
    );
    expect(chunks).toHaveLength(1);
    const chunkName = chunks[0]?.[0].split('/').pop() ?? '';
    expect(entry.text).toContain(`import("./${chunkName}")`);
    expect(gzipSync(entry.contents).length).toBeLessThanOrEqual(30 * 1024);
  });
});
