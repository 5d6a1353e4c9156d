import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { passwdFileCredentialStore } from '../../../src/adapters/dovecot/index.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-passwd-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (text: string): string => {
  n += 1;
  const path = join(dir, `users-${n}`);
  writeFileSync(path, text, { mode: 0o640 });
  return path;
};
const write = (account: string, passwordHash: string, expectedVersion = 1) => ({
  account,
  expectedVersion,
  passwordHash,
  changedAt: new Date('2030-01-01T00:00:00Z'),
  mustChange: false,
  expiresAt: null,
  historyLimit: 3,
  pendingRevocations: [],
});

describe('passwdFileCredentialStore', () => {
  it('reads hand-written lines: gecos as display name, nologin as inactive, version 1', async () => {
    const path = fresh(
      '# users\nalice@example.org:{PLAIN}a:::Alice A:::\nbob@example.org:{PLAIN}b::::::nologin\ncarol@example.org:{PLAIN}c\n',
    );
    const store = passwdFileCredentialStore({ path });
    expect(await store.get('ALICE@example.org')).toMatchObject({
      account: 'alice@example.org',
      domain: 'example.org',
      displayName: 'Alice A',
      passwordHash: '{PLAIN}a',
      version: 1,
      active: true,
    });
    expect(await store.get('bob@example.org')).toMatchObject({ active: false, displayName: null });
    expect(await store.get('carol@example.org')).toMatchObject({ passwordHash: '{PLAIN}c', active: true });
  });

  it('rewrites only the password field and keeps the mode', async () => {
    const text =
      '# managed by hand\nalice@example.org:{PLAIN}a:1000:1000::/home/alice::userdb_mail=maildir:~/M\n\nbob@example.org:{PLAIN}b::::::\n';
    const path = fresh(text);
    const store = passwdFileCredentialStore({ path });
    expect(await store.setPassword(write('alice@example.org', '{PLAIN}new'))).toEqual({
      ok: true,
      version: 2,
    });
    expect(readFileSync(path, 'utf8')).toBe(text.replace('{PLAIN}a:', '{PLAIN}new:'));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect((await store.get('alice@example.org'))?.previousHashes).toEqual(['{PLAIN}a']);
  });

  it('moves the mtime to a later second when a same-size write lands in the same second', async () => {
    const path = fresh('alice@example.org:{PLAIN}aaaa::::::\n');
    const store = passwdFileCredentialStore({ path });
    const seconds: number[] = [Math.floor(statSync(path).mtimeMs / 1000)];
    for (let v = 1; v <= 3; v++) {
      await store.setPassword(write('alice@example.org', `{PLAIN}${'bcd'[v - 1]?.repeat(4)}`, v));
      seconds.push(Math.floor(statSync(path).mtimeMs / 1000));
    }
    for (let i = 1; i < seconds.length; i++) expect(seconds[i]).toBeGreaterThan(seconds[i - 1] ?? Infinity);
  });

  it('refuses a value that would break the file format', async () => {
    const store = passwdFileCredentialStore({ path: fresh('alice@example.org:{PLAIN}a\n') });
    await expect(store.setPassword(write('alice@example.org', '{PLAIN}a:b'))).rejects.toThrow(TypeError);
    await expect(
      store.createMailbox({ account: 'x@example.org', passwordHash: '{PLAIN}x', displayName: 'A\nB' }),
    ).rejects.toThrow(TypeError);
  });

  it('lets exactly one of several processes win the same compare-and-set', async () => {
    const path = fresh('alice@example.org:{PLAIN}start::::::\n');
    const script = join(dir, `writer-${n}.mts`);
    const storeModule = new URL('../../../src/adapters/dovecot/index.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { passwdFileCredentialStore } from ${JSON.stringify(storeModule)};
const store = passwdFileCredentialStore({ path: process.argv[2] });
const r = await store.setPassword({ account: 'alice@example.org', expectedVersion: 1, passwordHash: '{PLAIN}p' + process.argv[3],
  changedAt: new Date(), mustChange: false, expiresAt: null, historyLimit: 5, pendingRevocations: [] });
process.stdout.write(JSON.stringify(r));`,
    );
    const run = promisify(execFile);
    const outputs = await Promise.all(
      [1, 2, 3, 4].map((i) => run(process.execPath, ['--import', 'tsx', script, path, String(i)])),
    );
    const results = outputs.map((o) => JSON.parse(o.stdout) as { ok: boolean });
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok) + 1;
    const rec = await passwdFileCredentialStore({ path }).get('alice@example.org');
    expect(rec).toMatchObject({
      version: 2,
      passwordHash: `{PLAIN}p${winner}`,
      previousHashes: ['{PLAIN}start'],
    });
  }, 60_000);
});
