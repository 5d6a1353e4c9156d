import session from 'express-session';
import { describe, expect, it } from 'vitest';
import { manualClock, memoryCredentialStore, memorySessionStore } from '../../src/adapters/memory/index.js';
import { connectSessionRevoker, createRotation, definePolicy, sessionIdDigest } from '../../src/index.js';
import { createPassrotate } from '../../src/node/index.js';
import { cheapHasher } from '../support/hashers.js';
import { ALICE, ALICE_PASSWORD, recordingRevoker, T0 } from '../support/rotation-fixture.js';

const policy = definePolicy({ minLength: 10, minDigit: 1 });
const NEW = 'Velvet-Harbor-73';

async function setup() {
  const clock = manualClock(T0);
  const store = memoryCredentialStore({ clock });
  const sessions = memorySessionStore();
  const hasher = cheapHasher();
  await store.createMailbox({
    account: ALICE,
    displayName: 'Alice',
    passwordHash: await hasher.hash(ALICE_PASSWORD),
  });
  const open = async (id: string) =>
    sessions.create({
      id,
      account: ALICE,
      createdAt: T0,
      expiresAt: new Date(T0.getTime() + 3_600_000),
      epoch: await sessions.epoch(ALICE),
      data: {},
    });
  return { clock, store, sessions, hasher, open };
}

describe('createRotation', () => {
  it('binds every flow to one set of ports, the web-session revoker first and always', async () => {
    const { clock, store, sessions, hasher, open } = await setup();
    const imap = recordingRevoker('imap');
    const rotation = createRotation({ store, sessions, hasher, policy, clock, revokers: [imap] });
    expect(rotation.deps.revokers?.map((r) => r.name)).toEqual(['web-sessions', 'imap']);
    const login = await rotation.verifyLogin({ account: ALICE, password: ALICE_PASSWORD });
    expect(login).toMatchObject({ ok: true, sessionEpoch: 0 });
    await open('other-device');
    const changed = await rotation.changeOwnPassword({
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: NEW,
      confirmation: NEW,
    });
    expect(changed).toMatchObject({ ok: true, revocation: { done: ['web-sessions', 'imap'], pending: [] } });
    expect(await sessions.get('other-device', clock.now())).toBeNull();
    expect(await rotation.verifyLogin({ account: ALICE, password: ALICE_PASSWORD })).toMatchObject({
      ok: false,
      code: 'invalid_credentials',
    });
    const actor = { name: 'root', superadmin: true, domains: [] };
    expect(await rotation.expirePassword({ actor, account: ALICE })).toMatchObject({ ok: true });
    expect(await rotation.adminSetPassword({ actor, account: ALICE, generate: true })).toMatchObject({
      ok: true,
    });
    expect(await rotation.rotateDomain({ actor, domain: 'example.org', dryRun: true })).toMatchObject({
      ok: true,
    });
    expect(await rotation.resumePendingRevocations()).toEqual({ ok: true, done: 0, failed: 0 });
  });

  it('tells whether a framework session opened at an epoch survived the last log-out-everywhere', async () => {
    const { store, sessions, hasher } = await setup();
    const rotation = createRotation({ store, sessions, hasher, policy });
    expect(await rotation.isSessionCurrent(ALICE, 0)).toBe(true);
    expect(await rotation.isSessionCurrent(ALICE, undefined)).toBe(false);
    await sessions.revokeAll(ALICE);
    expect(await rotation.isSessionCurrent('Alice@Example.org', 0)).toBe(false);
    expect(await rotation.isSessionCurrent(ALICE, 1)).toBe(true);
    await expect(createRotation({ store, hasher, policy }).isSessionCurrent(ALICE, 0)).rejects.toThrow(
      TypeError,
    );
  });

  it('refuses a duplicate revoker name when wiring, not at the first change', async () => {
    const { store, sessions, hasher } = await setup();
    expect(() =>
      createRotation({ store, sessions, hasher, policy, revokers: [recordingRevoker('web-sessions')] }),
    ).toThrow(TypeError);
  });
});

describe('createPassrotate (passrotate/node)', () => {
  it('hashes with the named scheme in the worker pool and adds the Dovecot flush (always) and kick', async () => {
    const { clock, store, sessions } = await setup();
    const passrotate = createPassrotate({
      store,
      sessions,
      policy,
      clock,
      hash: { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } },
      dovecot: { doveadm: '/nonexistent/doveadm' },
      retryBaseMs: 1_000,
    });
    expect(passrotate.deps.revokers?.map((r) => [r.name, r.alwaysRun === true])).toEqual([
      ['web-sessions', false],
      ['dovecot-auth-cache', true],
      ['dovecot', false],
    ]);
    expect(await passrotate.deps.hasher.hash('x')).toMatch(/^\{SHA512-CRYPT\}\$6\$rounds=1000\$/);
    // Even with revoke 'none', the auth-cache flush must run (here it fails and waits in the outbox).
    const changed = await passrotate.changeOwnPassword({
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: NEW,
      confirmation: NEW,
      revoke: 'none',
    });
    expect(changed).toMatchObject({ ok: true, revocation: { done: [], pending: ['dovecot-auth-cache'] } });
    expect(await passrotate.verifyLogin({ account: ALICE, password: NEW })).toMatchObject({ ok: true });
  });

  it('needs exactly one of hash and hasher', async () => {
    const { store } = await setup();
    expect(() => createPassrotate({ store, policy })).toThrow(TypeError);
    expect(() =>
      createPassrotate({ store, policy, hash: { scheme: 'PLAIN' }, hasher: cheapHasher() }),
    ).toThrow(TypeError);
  });
});

describe('connectSessionRevoker', () => {
  it("destroys the account's sessions in an express-session store, keeping the caller's", async () => {
    const store = new session.MemoryStore();
    const cookie = { originalMaxAge: 60_000, expires: new Date(Date.now() + 60_000) };
    const put = (sid: string, data: object) =>
      new Promise<void>((resolve) =>
        store.set(sid, { cookie, ...data } as session.SessionData, () => resolve()),
      );
    await put('mine', { account: 'Alice@Example.org' });
    await put('phone', { account: ALICE });
    await put('bob', { account: 'bob@example.org' });
    await put('anonymous', {});
    const revoker = connectSessionRevoker({ store });
    expect(revoker.name).toBe('framework-sessions');
    await revoker.revoke({ account: ALICE, keepSessionDigest: await sessionIdDigest('mine') });
    const left = await new Promise<string[]>((resolve) =>
      store.all((_e, all) => resolve(Object.keys(all ?? {}))),
    );
    expect(left.sort()).toEqual(['anonymous', 'bob', 'mine']);
    await revoker.revoke({ account: ALICE, keepSessionDigest: null });
    const after = await new Promise<string[]>((resolve) =>
      store.all((_e, all) => resolve(Object.keys(all ?? {}))),
    );
    expect(after.sort()).toEqual(['anonymous', 'bob']);
  });

  it('refuses a store that cannot list its sessions', () => {
    expect(() => connectSessionRevoker({ store: { destroy: () => {} } })).toThrow(/no all\(\)/);
  });
});
