import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built package as a consumer sees it: dist/ through package.json's exports (CI builds first).
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
/** Browser-only entries: the custom element defines itself on `customElements`, which Node lacks. */
const BROWSER_ONLY = new Set(['./element']);
const subpaths = Object.keys(manifest.exports)
  .filter((k) => k !== './package.json' && !BROWSER_ONLY.has(k))
  .map((k) => (k === '.' ? 'passrotate' : `passrotate/${k.slice(2)}`));

/** A scratch consumer project whose node_modules holds passrotate (this checkout) and the repo's packages. */
const consumer = mkdtempSync(join(tmpdir(), 'passrotate-consumer-'));
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.js'))) await run('npm', ['run', 'build'], { cwd: root });
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'passrotate'), 'dir');
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(consumer, 'node_modules', name), 'dir');
  }
}, 300_000);

async function node(file: string, source: string): Promise<string> {
  writeFileSync(join(consumer, file), source);
  const { stdout } = await run(process.execPath, [file], { cwd: consumer });
  return stdout.trim();
}

describe('the package is ESM-only and require()-able, with one error class and one pool', {
  timeout: 60_000,
}, () => {
  it('require() loads every subpath on this Node (>= 20.19)', async () => {
    const out = await node(
      'require-all.cjs',
      `const names = ${JSON.stringify(subpaths)};
       const loaded = names.map((n) => [n, Object.keys(require(n)).length]);
       const { definePolicy, generatePassword, validatePassword } = require('passrotate');
       const policy = definePolicy({ minLength: 12 });
       console.log(JSON.stringify({ loaded, ok: validatePassword(policy, generatePassword(policy)).ok }));`,
    );
    const result = JSON.parse(out) as { loaded: [string, number][]; ok: boolean };
    expect(result.ok).toBe(true);
    for (const [name, count] of result.loaded) expect(count, name).toBeGreaterThan(0);
  });

  it('an error from passrotate/hash is instanceof the PassrotateError of passrotate, by require() and import alike', async () => {
    const out = await node(
      'errors.cjs',
      `(async () => {
        const required = require('passrotate');
        const imported = await import('passrotate');
        const hash = require('passrotate/hash');
        let error;
        try { await hash.verifyPassword('pw', '{NO-SUCH-SCHEME}abc'); } catch (e) { error = e; }
        const adapters = require('passrotate/adapters/memory');
        let adapterError;
        try { await adapters.memoryCredentialStore().createMailbox({ account: 'no-at-sign', passwordHash: 'x' }); } catch (e) { adapterError = e; }
        console.log(JSON.stringify({
          same: required.PassrotateError === imported.PassrotateError,
          hash: error instanceof required.PassrotateError && error instanceof imported.PassrotateError,
          adapter: adapterError instanceof required.PassrotateError,
          pool: require('passrotate/hash').nodeEngine === (await import('passrotate/hash/node')).nodeEngine,
        }));
      })();`,
    );
    expect(JSON.parse(out)).toEqual({ same: true, hash: true, adapter: true, pool: true });
  });

  it('hashes in the worker pool from the built files', async () => {
    const out = await node(
      'hash.mjs',
      `import { hashPassword, verifyPassword, nodeEngine } from 'passrotate/hash';
       const stored = await hashPassword('Correct-Horse-9', { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } });
       console.log(JSON.stringify({ ok: await verifyPassword('Correct-Horse-9', stored), sha: (await nodeEngine.backends()).shaCrypt }));
       await nodeEngine.close();`,
    );
    expect(JSON.parse(out)).toEqual({ ok: true, sha: 'webassembly' });
  });
});

const consumerSource = `import { definePolicy, PassrotateError, validatePassword } from 'passrotate';
import { hashPassword, verifyPassword } from 'passrotate/hash';
import { createNodeEngine, nodeEngine } from 'passrotate/hash/node';
import { memoryCredentialStore } from 'passrotate/adapters/memory';
import { hibpOfflineBreachChecker } from 'passrotate/adapters/hibp-offline';
import { sqliteCredentialStore } from 'passrotate/adapters/sqlite';
import { postgresCredentialStore } from 'passrotate/adapters/postgres';
import { mysqlCredentialStore } from 'passrotate/adapters/mysql';
import { redisSessionStore } from 'passrotate/adapters/redis';
import { passwdFileCredentialStore } from 'passrotate/adapters/dovecot';
import { testCredentialStore, type TestRunner } from 'passrotate/testing';

export const used: unknown[] = [
  validatePassword(definePolicy({ minLength: 12 }), 'x').ok,
  PassrotateError, hashPassword, verifyPassword, createNodeEngine, nodeEngine, memoryCredentialStore,
  hibpOfflineBreachChecker, sqliteCredentialStore, postgresCredentialStore, mysqlCredentialStore,
  redisSessionStore, passwdFileCredentialStore, testCredentialStore,
];
export declare const runner: TestRunner;
`;

describe('TypeScript consumers see every subpath', { timeout: 120_000 }, () => {
  const settings: Record<string, { module: string; moduleResolution: string; type: 'commonjs' | 'module' }> =
    {
      node10: { module: 'commonjs', moduleResolution: 'node10', type: 'commonjs' },
      nodenext: { module: 'nodenext', moduleResolution: 'nodenext', type: 'module' },
      bundler: { module: 'esnext', moduleResolution: 'bundler', type: 'module' },
    };
  for (const [name, options] of Object.entries(settings)) {
    it(`compiles under moduleResolution ${name}`, async () => {
      const dir = join(consumer, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: options.type }));
      writeFileSync(join(dir, 'consumer.ts'), consumerSource);
      const compilerOptions = {
        ...options,
        type: undefined,
        target: 'es2022',
        strict: true,
        noEmit: true,
        types: ['node'],
        ignoreDeprecations: '6.0',
        skipLibCheck: false,
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = await run(process.execPath, [tsc, '-p', dir]).catch((e: { stdout: string }) => e);
      expect(result.stdout, `tsc (${name}) reported`).toBe('');
    });
  }
});
