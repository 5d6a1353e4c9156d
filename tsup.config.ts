import { defineConfig } from 'tsup';
import { ELEMENT_ENTRY, withoutCommonPasswords } from './scripts/element-build.js';

// ESM only (docs/package-format.md): Node >= 20.19 `require()`s it, and a single build means one
// PassrotateError class and one worker pool. Three configs: the library, the element, and the CLI.
// `npm run build` empties dist/ first: a `clean` in one config would race the others' outputs.
const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  // The live-form subset for pages; its dynamic import of the common-password list becomes a chunk.
  'browser/index': 'src/browser/index.ts',
  'hash/index': 'src/hash/index.ts',
  'hash/node': 'src/hash/node.ts',
  // passrotate/node: the one-call wiring over the worker pool and the Dovecot revokers (Node-only).
  'node/index': 'src/node/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'adapters/hibp-offline/index': 'src/adapters/hibp-offline/index.ts',
  'adapters/hibp/index': 'src/adapters/hibp/index.ts',
  'adapters/sqlite/index': 'src/adapters/sqlite/index.ts',
  'adapters/postgres/index': 'src/adapters/postgres/index.ts',
  'adapters/mysql/index': 'src/adapters/mysql/index.ts',
  'adapters/ldap/index': 'src/adapters/ldap/index.ts',
  'adapters/redis/index': 'src/adapters/redis/index.ts',
  'adapters/dovecot/index': 'src/adapters/dovecot/index.ts',
  'adapters/smtp/index': 'src/adapters/smtp/index.ts',
  'testing/index': 'src/testing/index.ts',
};

export default defineConfig([
  {
    // One build of every library entry: the pure, runtime-neutral ones (root, passrotate/browser,
    // passrotate/hash, memory adapters, the runner-agnostic conformance suites), the Node-only
    // adapters (their clients are optional peers, imported as types only; ldapts and nodemailer lazily),
    // passrotate/hash on Node with the worker, passrotate/node. Shared code lands in dist/chunks/, so
    // PassrotateError is one class and the pool one pool; the pool finds ../hash/kdf-worker.js from
    // dist/hash/, dist/node/ and dist/chunks/ alike.
    entry: { ...LIBRARY_ENTRIES, 'hash/kdf-worker': 'src/hash/pool/kdf-worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]';
    },
    dts: { entry: LIBRARY_ENTRIES, compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
  },
  {
    // passrotate/element: one self-contained browser module (the library's browser path inlined) that a
    // page loads with <script type="module">; the common-password list stays on the server.
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
