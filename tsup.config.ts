import { defineConfig } from 'tsup';

// Library entries: the pure, runtime-neutral ones (root, passrotate/hash, memory adapters), the
// test-time conformance suites (vitest, an optional peer, stays external), and the Node-only CLI.
// `npm run build` empties dist/ first: a `clean` in one config would race the others' outputs.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'hash/index': 'src/hash/index.ts',
      'adapters/memory/index': 'src/adapters/memory/index.ts',
      'adapters/hibp-offline/index': 'src/adapters/hibp-offline/index.ts',
      'testing/index': 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    external: ['vitest'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
  },
  {
    // Node-only adapters; their clients (better-sqlite3, pg, mysql2, ioredis) are optional peers, imported as types only.
    entry: {
      'adapters/sqlite/index': 'src/adapters/sqlite/index.ts',
      'adapters/postgres/index': 'src/adapters/postgres/index.ts',
      'adapters/mysql/index': 'src/adapters/mysql/index.ts',
      'adapters/redis/index': 'src/adapters/redis/index.ts',
      'adapters/dovecot/index': 'src/adapters/dovecot/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
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
    // The CLI: each command is a chunk loaded when it runs, beside main.js in dist/cli/ (so the pool
    // still finds ../hash/kdf-worker.js). commander, zod and noble are bundled in: resolving their
    // many ESM files at every start cost more than the commands themselves (see bench/cli-startup.ts).
    entry: { main: 'src/cli/main.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: true,
    noExternal: ['commander', 'zod', '@noble/hashes'],
    // commander is CommonJS: its bundled `require('events')` needs a real `require` in every chunk.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __passrotateRequire } from 'node:module';\nconst require = __passrotateRequire(import.meta.url);",
    },
    sourcemap: true,
  },
]);
