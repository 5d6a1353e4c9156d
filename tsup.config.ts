import { defineConfig } from 'tsup';
import { ELEMENT_ENTRY, withoutCommonPasswords } from './scripts/element-build.js';

// Library entries: the pure, runtime-neutral ones (root, passrotate/browser, passrotate/hash, memory adapters), the
// test-time conformance suites (vitest, an optional peer, stays external), and the Node-only CLI.
// `npm run build` empties dist/ first: a `clean` in one config would race the others' outputs.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      // The live-form subset for pages; its dynamic import of the common-password list becomes a chunk.
      'browser/index': 'src/browser/index.ts',
      'hash/index': 'src/hash/index.ts',
      'adapters/memory/index': 'src/adapters/memory/index.ts',
      'adapters/hibp-offline/index': 'src/adapters/hibp-offline/index.ts',
      'adapters/hibp/index': 'src/adapters/hibp/index.ts',
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
    // Node-only adapters; their clients (better-sqlite3, pg, mysql2, ioredis, ldapts) are optional peers, imported as types only (ldapts lazily).
    entry: {
      'adapters/sqlite/index': 'src/adapters/sqlite/index.ts',
      'adapters/postgres/index': 'src/adapters/postgres/index.ts',
      'adapters/mysql/index': 'src/adapters/mysql/index.ts',
      'adapters/ldap/index': 'src/adapters/ldap/index.ts',
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
    // passrotate/hash on Node: the same API with the worker-pool engine as default, and the worker;
    // passrotate/node: the one-call wiring over that pool and the Dovecot revokers (Node-only, so not
    // in the root). No code splitting: the pool finds the worker at ../hash/kdf-worker.js from its
    // own bundle, and both bundles sit one folder below dist/.
    entry: {
      'hash/node': 'src/hash/node.ts',
      'hash/kdf-worker': 'src/hash/pool/kdf-worker.ts',
      'node/index': 'src/node/index.ts',
    },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: {
      entry: { 'hash/node': 'src/hash/node.ts', 'node/index': 'src/node/index.ts' },
      compilerOptions: { ignoreDeprecations: '6.0' },
    },
    shims: true,
    splitting: false,
    sourcemap: true,
  },
  {
    // passrotate/element: one self-contained browser module (zod and the library inlined) that a page
    // loads with <script type="module">; the common-password list stays on the server.
    entry: { 'element/passrotate-password': ELEMENT_ENTRY },
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    noExternal: [/.*/],
    esbuildPlugins: [withoutCommonPasswords],
    minify: true,
    splitting: false,
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
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
