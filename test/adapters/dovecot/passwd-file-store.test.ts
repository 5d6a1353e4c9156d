import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { passwdFileCredentialStore } from '../../../src/adapters/dovecot/index.js';
import { PassrotateError } from '../../../src/errors.js';

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

  it('refuses an account with a control character or a leading #, and writes nothing (property)', async () => {
    const control = fc
      .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
      .map((c) => String.fromCharCode(c));
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const unsafe = fc.oneof(
      fc.tuple(text, control, text).map(([a, c, b]) => `${a.trim() === '' ? 'x' : a}${c}${b}@example.org`),
      text.map((a) => `#${a}@example.org`),
    );
    const original = '# users\nalice@example.org:{PLAIN}a::::::\n';
    const path = fresh(original);
    const store = passwdFileCredentialStore({ path });
    await fc.assert(
      fc.asyncProperty(unsafe, async (account) => {
        const error = await store.createMailbox({ account, passwordHash: '{PLAIN}x' }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PassrotateError);
        expect((error as PassrotateError).code).toBe('invalid_account');
        expect((error as Error).message).not.toContain(account.trim());
        expect(readFileSync(path, 'utf8')).toBe(original);
      }),
      { numRuns: 60 },
    );
  });

  it('still creates, then finds, any account without such characters (property)', async () => {
    const safe = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((s) => !/[:#\p{Cc}\s]/u.test(s) && s.trim() !== '')
      .map((local) => `${local}@example.org`);
    const path = fresh('# users\n');
    const store = passwdFileCredentialStore({ path });
    await fc.assert(
      fc.asyncProperty(safe, async (account) => {
        const created = await store.createMailbox({ account, passwordHash: '{PLAIN}x' });
        if (created.ok) expect((await store.get(account))?.account).toBe(account.toLowerCase());
        else expect(created.code).toBe('conflict');
      }),
      { numRuns: 40 },
    );
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
