import { defineConfig } from 'tsup';

const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };

// Library entries: the pure, runtime-neutral ones (root, passrotate/hash, memory adapters), the
// test-time conformance suites (vitest is an optional peer, kept external), and the Node-only CLI.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'hash/index': 'src/hash/index.ts',
      'adapters/memory/index': 'src/adapters/memory/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts,
    sourcemap: true,
    clean: true,
  },
  {
    entry: { 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    external: ['vitest'],
    dts,
    sourcemap: true,
  },
  {
    // Node-only adapters; their clients (better-sqlite3, pg, ioredis) are optional peers, imported as types only.
    entry: {
      'adapters/sqlite/index': 'src/adapters/sqlite/index.ts',
      'adapters/postgres/index': 'src/adapters/postgres/index.ts',
      'adapters/redis/index': 'src/adapters/redis/index.ts',
      'adapters/dovecot/index': 'src/adapters/dovecot/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts,
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
