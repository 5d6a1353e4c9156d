import { defineConfig } from 'tsup';

// Library entries: the pure root and passrotate/hash (both runtime-neutral), passrotate/hash's Node
// build, and the Node-only CLI.
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
    // passrotate/hash on Node: the same API with the worker-pool engine as default, and the worker.
    // No code splitting: the pool finds the worker at ../hash/kdf-worker.js from its own bundle.
    entry: { 'hash/node': 'src/hash/node.ts', 'hash/kdf-worker': 'src/hash/pool/kdf-worker.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: { entry: { 'hash/node': 'src/hash/node.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
    shims: true,
    splitting: false,
    sourcemap: true,
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
