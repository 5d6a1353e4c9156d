import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const browserInputs = async (entry: string) => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  return {
    files: Object.keys(inputs),
    nodeImports: Object.values(inputs)
      .flatMap((input) => input.imports.map((i) => i.path))
      .filter((path) => path.startsWith('node:')),
  };
};

describe('browser bundles', () => {
  it('carries the rotation flows in the root entry without any node: module', async () => {
    const { files, nodeImports } = await browserInputs('src/index.ts');
    expect(files).toEqual(
      expect.arrayContaining(['src/rotation/change-own-password.ts', 'src/rotation/verify-login.ts']),
    );
    expect(nodeImports).toEqual([]);
  });

  it('builds the memory adapters without any node: module', async () => {
    const { files, nodeImports } = await browserInputs('src/adapters/memory/index.ts');
    expect(files).toContain('src/adapters/memory/credential-store.ts');
    expect(nodeImports).toEqual([]);
  });
});
