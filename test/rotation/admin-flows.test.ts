import { describe, expect, it } from 'vitest';
import {
  type Actor,
  adminSetPassword,
  type CredentialStore,
  expirePassword,
  generatePassword,
  PassrotateError,
  rotateDomain,
  validatePassword,
  verifyLogin,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture, plaintexts, recordedText } from '../support/rotation-fixture.js';

const ADMIN: Actor = { name: 'postmaster@example.org', domains: ['Example.org'] };
const OTHER: Actor = { name: 'admin@other.test', domains: ['other.test'] };
const ROOT: Actor = { name: 'root', superadmin: true, domains: [] };
const HOUR = 3_600_000;

describe('adminSetPassword', () => {
  it('sets a supplied password as temporary by default and revokes the owner’s sessions', async () => {
    const f = await fixture();
    await f.openSession('s1');
    const result = await adminSetPassword(f.deps, {
      actor: ADMIN,
      account: ALICE,
      password: 'Cobalt-River-2026',
    });
    const expiresAt = new Date(f.clock.now().getTime() + 72 * HOUR);
    expect(result).toEqual({
      ok: true,
      version: 2,
      changedAt: f.clock.now(),
      mustChange: true,
      expiresAt,
      revocation: { done: ['web-sessions', 'imap'], pending: [] },
    });
    expect(await f.store.get(ALICE)).toMatchObject({ mustChange: true, expiresAt });
    expect(await f.passwordWorks('Cobalt-River-2026')).toBe(true);
    expect(await f.liveSessions('s1')).toEqual([false]);
    expect(f.audit.events[0]).toMatchObject({
      type: 'password_set_by_admin',
      actor: ADMIN.name,
      details: { generated: false, temporary: true },
    });
    expect(f.notifier.sent).toEqual([
      { kind: 'password_set_by_admin', account: ALICE, at: f.clock.now(), actor: ADMIN.name },
    ]);
  });

  it('sets a permanent password with temporary: false and honours the TTL option', async () => {
    const f = await fixture();
    expect(
      await adminSetPassword(f.deps, {
        actor: ROOT,
        account: ALICE,
        password: 'Cobalt-River-2026',
        temporary: false,
      }),
    ).toMatchObject({ ok: true, mustChange: false, expiresAt: null });
    expect(
      await adminSetPassword(
        { ...f.deps, temporaryPasswordTtlMs: HOUR },
        { actor: ROOT, account: ALICE, password: 'Maple-Tundra-2027' },
      ),
    ).toMatchObject({ expiresAt: new Date(f.clock.now().getTime() + HOUR) });
  });

  it('generates a compliant password and returns it once', async () => {
    const f = await fixture();
    const result = await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, generate: true });
    expect(result.ok).toBe(true);
    const password = result.ok ? (result.password ?? '') : '';
    expect(validatePassword(f.policy, password, { account: ALICE }).ok).toBe(true);
    expect(await f.passwordWorks(password)).toBe(true);
    expect(f.audit.events[0]?.details).toMatchObject({ generated: true });
    expect(recordedText(f)).not.toContain(password);
  });

  it('answers forbidden outside the actor’s domains, before reading the store', async () => {
    const f = await fixture();
    const store: CredentialStore = {
      ...f.store,
      get: async () => Promise.reject(new Error('must not be read')),
    };
    for (const account of [ALICE, 'no-domain']) {
      expect(
        await adminSetPassword(
          { ...f.deps, store },
          { actor: OTHER, account, password: 'Cobalt-River-2026' },
        ),
      ).toEqual({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(f.audit.events.map((e) => [e.type, e.outcome, e.actor])).toEqual([
      ['password_change_refused', 'forbidden', OTHER.name],
      ['password_change_refused', 'forbidden', OTHER.name],
    ]);
  });

  it('enforces the policy on a supplied password, including reuse of the current one', async () => {
    const f = await fixture();
    expect(await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: 'weak' })).toMatchObject({
      ok: false,
      code: 'policy_violation',
    });
    expect(
      await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: ALICE_PASSWORD }),
    ).toMatchObject({
      code: 'policy_violation',
      violations: [{ code: 'reused_password', history: 3 }],
    });
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('answers not_found, conflict and storage_failure', async () => {
    const f = await fixture();
    const input = { actor: ADMIN, password: 'Cobalt-River-2026' };
    expect(await adminSetPassword(f.deps, { ...input, account: 'ghost@example.org' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    const stale: CredentialStore = {
      ...f.store,
      get: async (a) => {
        const rec = await f.store.get(a);
        return rec && { ...rec, version: rec.version - 1 };
      },
    };
    await adminSetPassword(f.deps, { ...input, account: ALICE });
    expect(
      await adminSetPassword(
        { ...f.deps, store: stale },
        { ...input, account: ALICE, password: 'Maple-Tundra-2027' },
      ),
    ).toEqual({
      ok: false,
      code: 'conflict',
    });
    const notNull = Object.assign(new Error('null value in column "password_expiry"'), { code: '23502' });
    const down: CredentialStore = { ...f.store, setPassword: async () => Promise.reject(notNull) };
    expect(
      await adminSetPassword(
        { ...f.deps, store: down },
        { ...input, account: ALICE, password: 'Maple-Tundra-2027' },
      ),
    ).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'not_null_violation',
    });
    expect(await f.passwordWorks('Cobalt-River-2026')).toBe(true);
  });

  it('throws generation_failed when no generated password can pass for this mailbox', async () => {
    const f = await fixture();
    const stuck = { fill: (bytes: Uint8Array) => bytes.fill(7) };
    const always = generatePassword(f.policy, { random: { fill: (bytes: Uint8Array) => bytes.fill(7) } });
    await f.store.createMailbox({ account: 'stuck@example.org', passwordHash: await f.hasher.hash(always) });
    const error = await adminSetPassword(
      { ...f.deps, random: stuck },
      { actor: ADMIN, account: 'stuck@example.org', generate: true },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassrotateError);
    expect((error as PassrotateError).code).toBe('generation_failed');
    expect(String((error as Error).message)).not.toContain(always);
  });

  it('refuses both or neither of password and generate (programmer error)', async () => {
    const f = await fixture();
    await expect(adminSetPassword(f.deps, { actor: ADMIN, account: ALICE })).rejects.toBeInstanceOf(
      TypeError,
    );
    await expect(
      adminSetPassword(f.deps, {
        actor: ADMIN,
        account: ALICE,
        generate: true,
        password: 'Cobalt-River-2026',
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});

describe('expirePassword', () => {
  it('forces a change at next login without changing the hash or history', async () => {
    const f = await fixture();
    const before = await f.store.get(ALICE);
    expect(await expirePassword(f.deps, { actor: ADMIN, account: ALICE })).toEqual({
      ok: true,
      version: 2,
      revocation: { done: [], pending: [] },
    });
    expect(await f.store.get(ALICE)).toMatchObject({
      passwordHash: before?.passwordHash,
      previousHashes: [],
      mustChange: true,
      expiresAt: null,
      changedAt: before?.changedAt,
    });
    expect(await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).toMatchObject({
      ok: true,
      mustChange: true,
    });
    expect(f.notifier.sent.map((n) => n.kind)).toEqual(['password_expired']);
    expect(f.audit.events[0]).toMatchObject({ type: 'password_expired', outcome: 'ok', actor: ADMIN.name });
  });

  it('revokes sessions when asked and refuses outsiders and unknown mailboxes', async () => {
    const f = await fixture();
    await f.openSession('s1');
    expect(await expirePassword(f.deps, { actor: ADMIN, account: ALICE, revoke: 'all' })).toMatchObject({
      revocation: { done: ['web-sessions', 'imap'] },
    });
    expect(await f.liveSessions('s1')).toEqual([false]);
    expect(await expirePassword(f.deps, { actor: OTHER, account: ALICE })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await expirePassword(f.deps, { actor: ADMIN, account: 'ghost@example.org' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const down: CredentialStore = { ...f.store, setPassword: async () => Promise.reject(refused) };
    expect(await expirePassword({ ...f.deps, store: down }, { actor: ADMIN, account: ALICE })).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'connection_failed',
    });
    const racing: CredentialStore = {
      ...f.store,
      setPassword: async () => ({ ok: false, code: 'conflict' }),
    };
    expect(await expirePassword({ ...f.deps, store: racing }, { actor: ADMIN, account: ALICE })).toEqual({
      ok: false,
      code: 'conflict',
    });
  });
});

describe('rotateDomain', () => {
  const seed = async (f: Awaited<ReturnType<typeof fixture>>, n: number) => {
    const hash = await f.hasher.hash('Seed-Password-00');
    for (let i = 0; i < n; i++)
      await f.store.createMailbox({
        account: `user${String(i).padStart(3, '0')}@example.org`,
        passwordHash: hash,
      });
    await f.store.createMailbox({ account: 'bob@other.test', passwordHash: hash });
  };

  it('sets a new temporary compliant password on every mailbox of the domain, across pages', async () => {
    const f = await fixture();
    await seed(f, 120);
    await f.openSession('s1');
    const result = await rotateDomain(f.deps, { actor: ADMIN, domain: 'EXAMPLE.org' });
    if (!result.ok) throw new Error(result.code);
    expect(result.dryRun).toBe(false);
    expect(result.mailboxes).toHaveLength(121);
    expect(result.mailboxes.map((m) => m.account)).toEqual(
      [...result.mailboxes.map((m) => m.account)].sort(),
    );
    for (const m of result.mailboxes.slice(0, 5)) {
      if (!m.ok || m.password === null) throw new Error('expected a password');
      expect(validatePassword(f.policy, m.password).ok).toBe(true);
      expect(await f.passwordWorks(m.password, m.account)).toBe(true);
      expect(await f.store.get(m.account)).toMatchObject({ mustChange: true, version: 2 });
    }
    expect(new Set(result.mailboxes.map((m) => (m.ok ? m.password : null))).size).toBe(121);
    expect(await f.passwordWorks('Seed-Password-00', 'bob@other.test')).toBe(true);
    expect(await f.liveSessions('s1')).toEqual([false]);
    expect(f.audit.events.filter((e) => e.type === 'password_set_by_admin')).toHaveLength(121);
    const text = recordedText(f);
    for (const m of result.mailboxes) if (m.ok && m.password) expect(text).not.toContain(m.password);
  });

  it('changes nothing in a dry run', async () => {
    const f = await fixture();
    await seed(f, 3);
    const result = await rotateDomain(f.deps, { actor: ROOT, domain: 'example.org', dryRun: true });
    expect(result).toEqual({
      ok: true,
      dryRun: true,
      complete: true,
      mailboxes: [ALICE, 'user000@example.org', 'user001@example.org', 'user002@example.org'].map(
        (account) => ({
          ok: true,
          account,
          password: null,
          version: 1,
          pendingRevocations: [],
        }),
      ),
    });
    expect((await f.store.get(ALICE))?.version).toBe(1);
    expect(f.audit.events).toEqual([]);
  });

  it('reports per-mailbox failures and pending revocations, and refuses outsiders', async () => {
    const f = await fixture();
    await seed(f, 2);
    f.imap.failing = true;
    const store: CredentialStore = {
      ...f.store,
      setPassword: async (w) =>
        w.account === 'user000@example.org'
          ? Promise.reject(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))
          : f.store.setPassword(w),
    };
    const result = await rotateDomain(
      { ...f.deps, store },
      { actor: ADMIN, domain: 'example.org', temporary: false },
    );
    expect(
      result.ok &&
        result.mailboxes.map((m) =>
          m.ok ? m.pendingRevocations : `${m.code}:${'cause' in m ? m.cause : ''}`,
        ),
    ).toEqual([['imap'], 'storage_failure:not_null_violation', ['imap']]);
    expect((await f.store.get('user001@example.org'))?.mustChange).toBe(false);
    expect(await rotateDomain(f.deps, { actor: OTHER, domain: 'example.org' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    const down: CredentialStore = { ...f.store, listByDomain: async () => Promise.reject(new Error('x')) };
    expect(await rotateDomain({ ...f.deps, store: down }, { actor: ADMIN, domain: 'example.org' })).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'unknown',
    });
  });

  it('rotates several mailboxes at once with the same outcome', async () => {
    const f = await fixture();
    await seed(f, 9);
    const result = await rotateDomain(f.deps, { actor: ADMIN, domain: 'example.org', concurrency: 4 });
    if (!result.ok) throw new Error(result.code);
    expect(result.mailboxes.map((m) => [m.account, m.ok])).toEqual(
      [ALICE, ...Array.from({ length: 9 }, (_, i) => `user00${i}@example.org`)].map((a) => [a, true]),
    );
    for (const m of result.mailboxes)
      if (m.ok && m.password) expect(await f.passwordWorks(m.password, m.account)).toBe(true);
    await expect(
      rotateDomain(f.deps, { actor: ADMIN, domain: 'example.org', concurrency: 0 }),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('hands back the passwords already set when listing or one mailbox fails part-way', async () => {
    const f = await fixture();
    await seed(f, 120);
    await f.store.createMailbox({ account: 'broken@example.org', passwordHash: '{NOT-A-SCHEME}x' });
    let pages = 0;
    const store: CredentialStore = {
      ...f.store,
      listByDomain: async (d, o) =>
        pages++ === 0 ? f.store.listByDomain(d, o) : Promise.reject(new Error('gone')),
    };
    const result = await rotateDomain({ ...f.deps, store }, { actor: ADMIN, domain: 'example.org' });
    if (!result.ok) throw new Error(result.code);
    expect([result.complete, result.mailboxes.length]).toEqual([false, 100]);
    const broken = result.mailboxes.find((m) => m.account === 'broken@example.org');
    expect(broken).toMatchObject({ ok: false, code: 'failed' });
    expect(result.mailboxes.filter((m) => m.ok)).toHaveLength(99);
    for (const m of result.mailboxes.slice(0, 3))
      if (m.ok && m.password) expect(await f.passwordWorks(m.password, m.account)).toBe(true);
  });

  it('records no plaintext password anywhere', async () => {
    const f = await fixture();
    await seed(f, 3);
    await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: 'Cobalt-River-2026' });
    await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: 'weak-password' });
    await rotateDomain(f.deps, { actor: ADMIN, domain: 'example.org' });
    const text = recordedText(f);
    for (const secret of plaintexts()) expect(text).not.toContain(secret);
  });
});
