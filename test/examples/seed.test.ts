import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_POLICY_SPEC } from '../../examples/shared/demo-policy.js';
import { DEMO_MAILBOXES, seedDemo } from '../../examples/shared/seed.js';
import { openStorage, type Storage } from '../../examples/shared/storage.js';
import { createHasher } from '../../src/hash/index.js';
import { definePolicy, validatePassword } from '../../src/index.js';

const hasher = createHasher({ default: { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } } });
const policy = definePolicy(DEMO_POLICY_SPEC);

describe('demo seed', () => {
  let dir = '';
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates compliant generated passwords once, and leaves an existing database alone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'passrotate-seed-'));
    storage = await openStorage({ database: `sqlite:${join(dir, 'demo.db')}` });
    const accounts = await seedDemo({ storage, hasher, policy });
    expect(accounts?.map((a) => a.login)).toEqual([
      ...DEMO_MAILBOXES.map((m) => m.account),
      'admin@example.org',
      'superadmin',
    ]);
    for (const account of accounts ?? []) {
      const name = DEMO_MAILBOXES.find((m) => m.account === account.login)?.name;
      const context =
        name === undefined ? { account: account.login } : { account: account.login, displayName: name };
      expect(validatePassword(policy, account.password, context).violations).toEqual([]);
    }
    const alice = await storage.credentials.get('alice@example.org');
    expect(alice?.displayName).toBe('Alice Martin');
    expect(await hasher.verify(accounts?.[0]?.password ?? '', alice?.passwordHash ?? '')).toBe(true);

    expect(await seedDemo({ storage, hasher, policy })).toBeNull();
    expect((await storage.credentials.get('alice@example.org'))?.passwordHash).toBe(alice?.passwordHash);
  });

  it('gives the domain admin one domain and the superadmin every domain', async () => {
    dir = await mkdtemp(join(tmpdir(), 'passrotate-seed-'));
    storage = await openStorage({ database: `sqlite:${join(dir, 'demo.db')}` });
    await seedDemo({ storage, hasher, policy, password: 'Harbor-Lantern-47!' });
    const admin = await storage.admins.getAdmin('Admin@Example.org');
    expect(admin).toMatchObject({
      username: 'admin@example.org',
      superadmin: false,
      domains: ['example.org'],
    });
    expect(await hasher.verify('Harbor-Lantern-47!', admin?.passwordHash ?? '')).toBe(true);
    expect((await storage.admins.getAdmin('superadmin'))?.domains).toEqual(['example.net', 'example.org']);
    expect(await storage.admins.getAdmin('nobody')).toBeNull();
  });
});
