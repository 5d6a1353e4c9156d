import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_ENTRY, withoutCommonPasswords } from '../../scripts/element-build.js';
import { COMMON_PASSWORDS } from '../../src/policy/blocklist/common-passwords.js';
import { type BuiltElement, buildElement } from './support/build-element.js';

const KB = 1024;
const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

/** Bundles the element the published way, leaving the imports that `external` accepts outside. */
async function bundleWithout(
  external: (path: string) => boolean,
): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [ELEMENT_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      withoutCommonPasswords,
      {
        name: 'measure-part',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind !== 'entry-point' && external(args.path)
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  });
  const inputs = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

describe('passrotate/element bundle', { timeout: 60_000 }, () => {
  let built: BuiltElement;
  beforeAll(async () => {
    built = await buildElement();
  });
  afterAll(() => built?.remove());

  it('is one self-contained ES module that defines <passrotate-password>', () => {
    expect(built.code).toContain('customElements.define');
    // No import left to resolve: everything is inside the one file, and no chunk to fetch.
    expect(built.code).not.toMatch(/(^|[;\s])import\s*[{*\w"']|\bimport\(/);
    expect(built.code).not.toMatch(/from\s*["']node:|require\(/);
  });

  it('takes the lean browser path: no schema library, no word list, not the root definePolicy', async () => {
    const { inputs } = await bundleWithout(() => false);
    expect(inputs).toContain('src/browser/define-policy.ts');
    expect(inputs.filter((path) => /node_modules\//.test(path))).toEqual([]);
    expect(inputs).not.toContain('src/policy/define-policy.ts');
    expect(inputs).not.toContain('src/policy/blocklist/common-passwords.ts');
    expect(inputs).not.toContain('src/generator/eff-large-wordlist.ts');
  });

  it('leaves the common-password list to the server', () => {
    // Words from the list's middle (the top of it holds keyboard rows the sequence rule also knows).
    const sample = COMMON_PASSWORDS.split('\n')
      .slice(5_000)
      .filter((word) => /^[a-z]{9,}$/.test(word))
      .slice(0, 20);
    expect(sample).toHaveLength(20);
    expect(sample.filter((word) => built.code.includes(word))).toEqual([]);
  });

  it('stays within its gzip budgets (written to test-output/element-size.json)', async () => {
    const total = gzipSize(built.code);
    // The element's own code: everything outside src/element left as imports.
    const own = gzipSize(
      (await bundleWithout((path) => !path.startsWith('.') || path.startsWith('..'))).code,
    );
    await mkdir('test-output', { recursive: true });
    await writeFile(
      'test-output/element-size.json',
      `${JSON.stringify({ gzipBytes: { file: total, elementCode: own } }, null, 2)}\n`,
    );
    expect(own).toBeLessThanOrEqual(6 * KB);
    // Issue 11: one file of at most 35 KB gzip (the common-password list alone would add ~78 KB).
    expect(total).toBeLessThanOrEqual(35 * KB);
  });
});
