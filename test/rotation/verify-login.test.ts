import { describe, expect, it } from 'vitest';
import { type AuditSink, type CredentialStore, verifyLogin } from '../../src/index.js';
import { cheapHasher, upgradeHasher } from '../support/hashers.js';
import {
  ALICE,
  ALICE_PASSWORD,
  fixture,
  plaintexts,
  recordedText,
  slowResetLimiter,
} from '../support/rotation-fixture.js';

describe('verifyLogin', () => {
  it('logs in with the right password and needs no rehash for a current hash', async () => {
    const f = await fixture();
    const result = await verifyLogin(f.deps, { account: 'Alice@Example.org', password: ALICE_PASSWORD });
    expect(result).toEqual({
      ok: true,
      account: ALICE,
      mustChange: false,
      expired: false,
      expiresAt: null,
      version: 1,
      sessionEpoch: null,
      rehashed: false,
    });
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([['login_succeeded', 'ok']]);
  });

  it('reads the session epoch before the stored hash and returns it as sessionEpoch', async () => {
    const f = await fixture();
    await f.sessions.revokeAll(ALICE);
    await f.sessions.revokeAll(ALICE);
    const calls: string[] = [];
    const result = await verifyLogin(
      {
        ...f.deps,
        store: {
          ...f.store,
          get: (a) => {
            calls.push('hash');
            return f.store.get(a);
          },
        },
        sessions: {
          ...f.sessions,
          epoch: (a) => {
            calls.push('epoch');
            return f.sessions.epoch(a);
          },
        },
      },
      { account: ALICE, password: ALICE_PASSWORD },
    );
    expect(result).toMatchObject({ ok: true, sessionEpoch: 2 });
    expect(calls).toEqual(['epoch', 'hash']);
  });

  it('answers storage_failure when the session epoch cannot be read', async () => {
    const f = await fixture();
    const result = await verifyLogin(
      {
        ...f.deps,
        sessions: {
          ...f.sessions,
          epoch: () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' })),
        },
      },
      { account: ALICE, password: ALICE_PASSWORD },
    );
    expect(result).toEqual({ ok: false, code: 'storage_failure', cause: 'connection_failed' });
  });

  it('answers invalid_credentials alike for a wrong password and an unknown account, verifying once each', async () => {
    const f = await fixture();
    const wrong = await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-Guess-000' });
    const unknown = await verifyLogin(f.deps, { account: 'ghost@example.org', password: 'Wrong-Guess-001' });
    expect([wrong, unknown]).toEqual([
      { ok: false, code: 'invalid_credentials' },
      { ok: false, code: 'invalid_credentials' },
    ]);
    expect(f.hasher.log.filter((l) => l.startsWith('verify:'))).toEqual([
      'verify:Wrong-Guess-000',
      'verify:Wrong-Guess-001',
    ]);
  });

  it('never accepts the dummy password of an unknown account', async () => {
    const f = await fixture();
    const fixedRandom = { fill: (b: Uint8Array) => b.fill(65) };
    const deps = { ...f.deps, random: fixedRandom };
    const dummy = btoa(String.fromCharCode(...new Uint8Array(18).fill(65)));
    expect(await verifyLogin(deps, { account: 'ghost@example.org', password: dummy })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
  });

  it('throttles per account and per client, unknown accounts included', async () => {
    const f = await fixture({ limit: 2 });
    for (const password of ['Wrong-1-guess', 'Wrong-2-guess']) {
      await verifyLogin(f.deps, { account: ALICE, password, clientKey: '198.51.100.7' });
    }
    expect(await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).toEqual({
      ok: false,
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
    expect(
      await verifyLogin(f.deps, { account: 'ghost@example.org', password: 'x', clientKey: '198.51.100.7' }),
    ).toMatchObject({
      code: 'rate_limited',
    });
    f.clock.advance(60_000);
    expect((await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).ok).toBe(true);
  });

  it('runs at most limit verifications in a parallel burst, refusing the right password sent last', async () => {
    const f = await fixture({ limit: 10 });
    const wrong = Array.from({ length: 59 }, (_, i) => `Wrong-Guess-${i}`);
    const results = await Promise.all(
      [...wrong, ALICE_PASSWORD].map((password) =>
        verifyLogin(f.deps, { account: ALICE, password, clientKey: '198.51.100.7' }),
      ),
    );
    const verifies = f.hasher.log.filter((l) => l.startsWith('verify:'));
    expect(verifies).toHaveLength(10);
    expect(verifies).not.toContain(`verify:${ALICE_PASSWORD}`);
    expect(results.at(-1)).toEqual({ ok: false, code: 'rate_limited', retryAfterMs: 60_000 });
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.filter((r) => !r.ok && r.code === 'invalid_credentials')).toHaveLength(10);
  });

  it('gives the account back the attempt a refusal by the client key took, in a burst over many accounts', async () => {
    const f = await fixture({ limit: 3 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        verifyLogin(f.deps, {
          account: i === 29 ? ALICE : `user${i}@example.org`,
          password: `Wrong-${i}`,
          clientKey: '198.51.100.7',
        }),
      ),
    );
    expect(f.hasher.log.filter((l) => l.startsWith('verify:'))).toHaveLength(3);
    expect(results.at(-1)).toMatchObject({ code: 'rate_limited' });
    // Alice's account key lost nothing to the refused attempt: all three of its attempts remain.
    for (const password of ['Wrong-a', 'Wrong-b', 'Wrong-c']) {
      expect(await verifyLogin(f.deps, { account: ALICE, password, clientKey: '203.0.113.9' })).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });
    }
    expect(await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).toMatchObject({
      code: 'rate_limited',
    });
  });

  it('gives the client its attempt back on a successful login, so logins behind one address never throttle it', async () => {
    const f = await fixture({ limit: 2 });
    for (let i = 0; i < 5; i++) {
      expect(
        (await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD, clientKey: '198.51.100.7' }))
          .ok,
      ).toBe(true);
    }
    await f.store.createMailbox({
      account: 'bob@example.org',
      passwordHash: await f.hasher.hash('Bob-Password-12'),
    });
    for (const password of ['Wrong-1-guess', 'Wrong-2-guess']) {
      expect(
        await verifyLogin(f.deps, { account: 'bob@example.org', password, clientKey: '198.51.100.7' }),
      ).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });
    }
  });

  it('counts nothing when the store cannot be read', async () => {
    const f = await fixture({ limit: 2 });
    const store: CredentialStore = { ...f.store, get: async () => Promise.reject(new Error('timeout')) };
    for (let i = 0; i < 3; i++) {
      expect(await verifyLogin({ ...f.deps, store }, { account: ALICE, password: ALICE_PASSWORD })).toEqual({
        ok: false,
        code: 'storage_failure',
        cause: 'unknown',
      });
    }
    expect((await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-1-guess' })).ok).toBe(false);
    expect((await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).ok).toBe(true);
  });

  it('resets the account counter after a successful login', async () => {
    const f = await fixture({ limit: 2 });
    await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-1-guess' });
    await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD });
    await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-2-guess' });
    expect((await verifyLogin(f.deps, { account: ALICE, password: ALICE_PASSWORD })).ok).toBe(true);
  });

  it('resets the counter alongside the login’s audit, and before it answers', async () => {
    const f = await fixture();
    const order: string[] = [];
    const limiter = slowResetLimiter(f.limiter, order);
    const audit: AuditSink = {
      record: async (event) => {
        order.push(event.type);
        await f.audit.record(event);
      },
    };
    const result = await verifyLogin(
      { ...f.deps, limiter, audit },
      { account: ALICE, password: ALICE_PASSWORD },
    );
    order.push('answered');
    expect(result.ok).toBe(true);
    expect(order).toEqual(['reset started', 'login_succeeded', 'reset done', 'answered']);
  });

  it('reveals inactive, an expired temporary password and an aged-out one only to the right password', async () => {
    const f = await fixture();
    const hash = await f.hasher.hash('Some-Password-55');
    const now = f.clock.now();
    await f.store.createMailbox({ account: 'off@example.org', passwordHash: hash, active: false });
    await f.store.createMailbox({ account: 'old@example.org', passwordHash: hash, expiresAt: now });
    await f.store.createMailbox({
      account: 'tmp@example.org',
      passwordHash: hash,
      expiresAt: now,
      mustChange: true,
    });
    for (const account of ['off@example.org', 'old@example.org', 'tmp@example.org']) {
      expect(await verifyLogin(f.deps, { account, password: 'Wrong-Guess-000' })).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });
    }
    expect(await verifyLogin(f.deps, { account: 'off@example.org', password: 'Some-Password-55' })).toEqual({
      ok: false,
      code: 'inactive',
    });
    expect(await verifyLogin(f.deps, { account: 'tmp@example.org', password: 'Some-Password-55' })).toEqual({
      ok: false,
      code: 'password_expired',
    });
    expect(
      await verifyLogin(f.deps, { account: 'old@example.org', password: 'Some-Password-55' }),
    ).toMatchObject({
      ok: true,
      mustChange: true,
      expired: true,
      expiresAt: now,
    });
    expect(f.audit.events.at(-1)).toMatchObject({ type: 'login_succeeded', outcome: 'expired' });
  });

  it('refuses an aged-out password once the grace has passed', async () => {
    const f = await fixture();
    const hash = await f.hasher.hash('Some-Password-55');
    const expiresAt = new Date(f.clock.now().getTime() - 1000);
    await f.store.createMailbox({ account: 'old@example.org', passwordHash: hash, expiresAt });
    const login = (graceMs: number) =>
      verifyLogin(
        { ...f.deps, expiredPasswordGraceMs: graceMs },
        { account: 'old@example.org', password: 'Some-Password-55' },
      );
    expect(await login(1001)).toMatchObject({ ok: true, mustChange: true, expired: true });
    expect(await login(1000)).toEqual({ ok: false, code: 'password_expired' });
  });

  it('logs a must-change password in with mustChange: true', async () => {
    const f = await fixture();
    const expiresAt = new Date(f.clock.now().getTime() + 1000);
    await f.store.createMailbox({
      account: 'temp@example.org',
      passwordHash: await f.hasher.hash('Temp-Password-99'),
      mustChange: true,
      expiresAt,
    });
    expect(
      await verifyLogin(f.deps, { account: 'temp@example.org', password: 'Temp-Password-99' }),
    ).toMatchObject({
      ok: true,
      mustChange: true,
      expired: false,
      expiresAt,
    });
    expect(f.audit.events.at(-1)).toMatchObject({ type: 'login_succeeded', outcome: 'must_change' });
  });

  it('upgrades an outdated hash on login by compare-and-set, keeping changedAt and the history', async () => {
    const f = await fixture();
    const before = await f.store.get(ALICE);
    const stronger = upgradeHasher();
    const result = await verifyLogin(
      { ...f.deps, hasher: stronger },
      { account: ALICE, password: ALICE_PASSWORD },
    );
    expect(result).toMatchObject({ ok: true, rehashed: true, version: 2 });
    const after = await f.store.get(ALICE);
    expect(after?.passwordHash).toMatch(/^\{SHA512-CRYPT\}\$6\$rounds=1000\$/);
    expect(after).toMatchObject({ changedAt: before?.changedAt, previousHashes: [], mustChange: false });
    expect(await stronger.verify(ALICE_PASSWORD, after?.passwordHash ?? '')).toBe(true);
    expect(f.audit.events.map((e) => e.type)).toEqual(['password_rehashed', 'login_succeeded']);
    expect(
      await verifyLogin({ ...f.deps, hasher: stronger }, { account: ALICE, password: ALICE_PASSWORD }),
    ).toMatchObject({
      rehashed: false,
    });
  });

  it('still logs in when the rehash write fails or loses a race', async () => {
    const f = await fixture();
    const stronger = upgradeHasher();
    const failing: CredentialStore = {
      ...f.store,
      setPassword: async () => Promise.reject(new Error('disk full')),
    };
    const racing: CredentialStore = {
      ...f.store,
      setPassword: async () => ({ ok: false, code: 'conflict' }),
    };
    for (const store of [failing, racing]) {
      expect(
        await verifyLogin(
          { ...f.deps, store, hasher: stronger },
          { account: ALICE, password: ALICE_PASSWORD },
        ),
      ).toMatchObject({
        ok: true,
        rehashed: false,
        version: 1,
      });
    }
    expect(f.audit.events.map((e) => e.type)).not.toContain('password_rehashed');
  });

  it('answers storage_failure when the store cannot be read', async () => {
    const f = await fixture();
    const timeout = Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
    const store: CredentialStore = { ...f.store, get: async () => Promise.reject(timeout) };
    expect(await verifyLogin({ ...f.deps, store }, { account: ALICE, password: ALICE_PASSWORD })).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'timeout',
    });
  });

  it('records no plaintext password anywhere', async () => {
    const f = await fixture();
    const results = [
      await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-Guess-000' }),
      await verifyLogin(f.deps, { account: 'ghost@example.org', password: 'Ghost-Guess-000' }),
      await verifyLogin({ ...f.deps, hasher: cheapHasher(2) }, { account: ALICE, password: ALICE_PASSWORD }),
    ];
    const text = recordedText(f, results);
    for (const secret of plaintexts()) expect(text).not.toContain(secret);
  });
});
