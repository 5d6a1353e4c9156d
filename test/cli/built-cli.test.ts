import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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
        entry: { main: 'src/cli/main.ts' },
        format: ['esm'],
        platform: 'node',
        target: 'node20',
        splitting: true,
        outDir: join(outDir, 'cli'),
        silent: true,
        config: false,
      });
      // Commands load on demand: the installation sits in whichever chunk the storage commands share.
      const files = (await readdir(join(outDir, 'cli'))).filter((f) => f.endsWith('.js'));
      const bundle = (await Promise.all(files.map((f) => readFile(join(outDir, 'cli', f), 'utf8')))).join(
        '\n',
      );
      expect(bundle).toMatch(/\bsetDefaultEngine\(nodeEngine\)/);
      expect(bundle).toContain('../hash/kdf-worker.js');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
