import { defineConfig } from 'tsup';

// Library entries: the pure root and passrotate/hash (both runtime-neutral) and the Node-only CLI.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'hash/index': 'src/hash/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
  },
]);
