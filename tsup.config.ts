import { defineConfig } from 'tsup';

// Library entries: the pure, runtime-neutral ones (root, passrotate/hash, memory adapters), the
// test-time conformance suites (vitest, an optional peer, stays external), the Node-only adapters
// (their `node:` imports stay external), and the Node-only CLI.
// One config for every library entry: a second config with its own dts step would race the first
// one's `clean` and lose its declaration files.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'hash/index': 'src/hash/index.ts',
      'adapters/memory/index': 'src/adapters/memory/index.ts',
      'testing/index': 'src/testing/index.ts',
      // Node-only adapters: their clients (better-sqlite3, pg, ioredis) are optional peers, imported as types only.
      'adapters/sqlite/index': 'src/adapters/sqlite/index.ts',
      'adapters/postgres/index': 'src/adapters/postgres/index.ts',
      'adapters/redis/index': 'src/adapters/redis/index.ts',
      'adapters/dovecot/index': 'src/adapters/dovecot/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    external: ['vitest', /^node:/],
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
