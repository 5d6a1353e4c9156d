import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

describe('the bundled CLI', { timeout: 60_000 }, () => {
  // Bundlers drop a module's top-level statements unless package.json lists it under sideEffects;
  // without that entry the CLI silently hashes with the pure-JS engine on its main thread.
  it('keeps the Node entry’s installation of the worker-pool engine', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'passrotate-cli-'));
    try {
      await build({
        entry: { 'cli/main': 'src/cli/main.ts' },
        format: ['esm'],
        platform: 'node',
        target: 'node20',
        outDir,
        silent: true,
        config: false,
      });
      const bundle = await readFile(join(outDir, 'cli', 'main.js'), 'utf8');
      expect(bundle).toMatch(/\bsetDefaultEngine\(nodeEngine\)/);
      expect(bundle).toContain('../hash/kdf-worker.js');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
