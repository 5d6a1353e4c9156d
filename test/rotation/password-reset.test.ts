import { describe, expect, it } from 'vitest';
import {
  memoryAttemptLimiter,
  memoryRecoveryAddresses,
  memoryResetTokenStore,
} from '../../src/adapters/memory/index.js';
import {
  changeOwnPassword,
  checkPasswordReset,
  completePasswordReset,
  createRotation,
  type PasswordNotification,
  requestPasswordReset,
  resetTokenDigest,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture, plaintexts } from '../support/rotation-fixture.js';

const NEW = 'Velvet-Harbor-73';
const RECOVERY = 'alice.private@home.example';
const url = (token: string) => `https://mail.example.org/reset/${token}`;

async function resetFixture(overrides: Record<string, unknown> = {}) {
  const f = await fixture();
  const resetTokens = memoryResetTokenStore();
  const deps = {
    ...f.deps,
    resetTokens,
    recoveryAddresses: memoryRecoveryAddresses({ [ALICE]: RECOVERY }),
    ...overrides,
  };
  const links = () =>
    f.notifier.sent.filter(
      (n): n is Extract<PasswordNotification, { kind: 'password_reset_requested' }> =>
        n.kind === 'password_reset_requested',
    );
  const tokenOf = (n: { url: string }) => n.url.slice(n.url.lastIndexOf('/') + 1);
  const request = async (account = ALICE, clientKey = '203.0.113.5') => {
    const result = await requestPasswordReset(deps, { account, clientKey, resetUrl: url });
    if (result.ok) await result.delivery;
    return result;
  };
  const lastToken = () => {
    const last = links().at(-1);
    if (!last) throw new Error('no reset mail');
    return tokenOf(last);
  };
  const complete = (token: string, password = NEW, confirmation = password) =>
    completePasswordReset(deps, { token, newPassword: password, confirmation, clientKey: '203.0.113.5' });
  return { ...f, deps, resetTokens, links, request, lastToken, complete };
}

describe('requestPasswordReset', () => {
  it('mails a link to the recovery address and stores only the digest of its token', async () => {
    const f = await resetFixture();
    const result = await requestPasswordReset(f.deps, { account: ' Alice@Example.org ', resetUrl: url });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) await result.delivery;
    const [mail] = f.links();
    expect(mail).toMatchObject({ account: ALICE, recipient: RECOVERY, actor: 'self' });
    expect(mail?.expiresAt).toEqual(new Date(f.clock.now().getTime() + 30 * 60_000));
    const token = f.lastToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(f.resetTokens.rows()).toEqual([
      {
        digest: await resetTokenDigest(token),
        account: ALICE,
        version: 1,
        createdAt: f.clock.now(),
        expiresAt: mail?.expiresAt,
      },
    ]);
    expect(JSON.stringify(f.resetTokens.rows())).not.toContain(token);
    expect(JSON.stringify(f.audit.events)).not.toContain(token);
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([['password_reset_requested', 'ok']]);
  });

  it('answers the same for unknown, disabled and address-less accounts, and sends nothing to them', async () => {
    const f = await resetFixture({ recoveryAddresses: memoryRecoveryAddresses({ [ALICE]: RECOVERY }) });
    await f.store.createMailbox({ account: 'off@example.org', passwordHash: 'x', active: false });
    await f.store.createMailbox({ account: 'bare@example.org', passwordHash: 'x' });
    const answers = [];
    for (const account of ['nobody@example.org', 'off@example.org', 'bare@example.org', ALICE]) {
      const result = await requestPasswordReset(f.deps, { account, resetUrl: url });
      answers.push(Object.keys(result).sort().join(','), result.ok);
      if (result.ok) await result.delivery;
    }
    expect(new Set(answers)).toEqual(new Set(['delivery,ok', true]));
    expect(f.links().map((n) => n.account)).toEqual([ALICE]);
    expect(f.audit.events.map((e) => e.outcome)).toEqual([
      'unknown_account',
      'inactive',
      'no_recovery_address',
      'ok',
    ]);
  });

  it("falls back to the account itself with resetFallback: 'account'", async () => {
    const f = await resetFixture({ recoveryAddresses: undefined, resetFallback: 'account' });
    await f.request();
    expect(f.links().map((n) => n.recipient)).toEqual([ALICE]);
  });

  it('answers before the notifier is done, and audits a failed send', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const f = await resetFixture({
      notifier: {
        notify: async () => {
          await gate;
          throw new Error('smtp down');
        },
      },
    });
    const result = await requestPasswordReset(f.deps, { account: ALICE, resetUrl: url });
    expect(result.ok).toBe(true);
    expect(f.audit.events).toEqual([]);
    release();
    if (result.ok) await result.delivery;
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([
      ['notification_failed', 'notification_failed'],
      ['password_reset_requested', 'ok'],
    ]);
  });

  it('refuses a client over its limit with rate_limited, whatever the account', async () => {
    const limiter = memoryAttemptLimiter({ limit: 2, windowMs: 60_000 });
    const f = await resetFixture({ resetLimiters: { client: limiter } });
    expect((await f.request('nobody@example.org')).ok).toBe(true);
    expect((await f.request(ALICE)).ok).toBe(true);
    expect(await f.request(ALICE)).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(await f.request('nobody@example.org')).toMatchObject({ ok: false, code: 'rate_limited' });
    expect((await f.request(ALICE, '198.51.100.9')).ok).toBe(true);
  });

  it('stops mailing an account over its limit without telling the requester', async () => {
    const f = await resetFixture({
      resetLimiters: { account: memoryAttemptLimiter({ limit: 2, windowMs: 60_000 }) },
    });
    for (let i = 0; i < 4; i++) expect((await f.request(ALICE, `client-${i}`)).ok).toBe(true);
    expect(f.links()).toHaveLength(2);
    expect(f.audit.events.map((e) => e.outcome)).toEqual([
      'ok',
      'ok',
      'account_rate_limited',
      'account_rate_limited',
    ]);
  });

  it('audits a failing token store as storage_failure and still answers the same', async () => {
    const broken = memoryResetTokenStore();
    const f = await resetFixture({
      resetTokens: {
        ...broken,
        save: async () => {
          throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
        },
      },
    });
    const result = await requestPasswordReset(f.deps, { account: ALICE, resetUrl: url });
    expect(Object.keys(result).sort()).toEqual(['delivery', 'ok']);
    if (result.ok) await expect(result.delivery).resolves.toBeUndefined();
    expect(f.links()).toEqual([]);
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([
      ['password_reset_requested', 'storage_failure'],
    ]);
  });

  it('throws without a resetTokens store', async () => {
    const f = await fixture();
    await expect(requestPasswordReset(f.deps, { account: ALICE, resetUrl: url })).rejects.toThrow(TypeError);
  });
});

describe('completePasswordReset', () => {
  it('hashes the new password while the token is consumed, and only a password the rules accept', async () => {
    const f = await resetFixture();
    await f.request();
    const token = f.lastToken();
    f.hasher.log.length = 0;
    expect(await f.complete(token, 'short')).toMatchObject({ code: 'policy_violation' });
    expect(f.hasher.log.filter((l) => l.startsWith('hash:'))).toEqual([]);
    let hashedBeforeConsumed: string[] | null = null;
    const resetTokens = {
      ...f.resetTokens,
      consume: async (digest: string, now: Date) => {
        await new Promise((resolve) => setImmediate(resolve));
        hashedBeforeConsumed = f.hasher.log.filter((l) => l.startsWith('hash:'));
        return f.resetTokens.consume(digest, now);
      },
    };
    const result = await completePasswordReset(
      { ...f.deps, resetTokens },
      { token, newPassword: NEW, confirmation: NEW },
    );
    expect(result).toMatchObject({ ok: true });
    expect(hashedBeforeConsumed).toEqual([`hash:${NEW}`]);
    // That early hash is the one stored: nothing was hashed twice.
    expect(f.hasher.log.filter((l) => l.startsWith('hash:'))).toEqual([`hash:${NEW}`]);
    expect(await f.passwordWorks(NEW)).toBe(true);
  });

  it('sets the password, logs out everywhere, clears mustChange and forgets every token', async () => {
    const f = await resetFixture();
    await f.store.setPassword({
      account: ALICE,
      expectedVersion: 1,
      passwordHash: (await f.store.get(ALICE))?.passwordHash ?? '',
      changedAt: f.clock.now(),
      mustChange: true,
      expiresAt: null,
      historyLimit: 3,
      keepHistory: true,
      pendingRevocations: [],
    });
    await f.openSession('s1');
    await f.request();
    await f.request();
    const token = f.lastToken();
    expect(await checkPasswordReset(f.deps, { token })).toEqual({
      ok: true,
      account: ALICE,
      expiresAt: new Date(f.clock.now().getTime() + 30 * 60_000),
    });
    const result = await f.complete(token);
    expect(result).toEqual({
      ok: true,
      account: ALICE,
      version: 3,
      changedAt: f.clock.now(),
      revocation: { done: ['web-sessions', 'imap'], pending: [] },
    });
    expect(await f.passwordWorks(NEW)).toBe(true);
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(false);
    expect((await f.store.get(ALICE))?.mustChange).toBe(false);
    expect(await f.liveSessions('s1')).toEqual([false]);
    expect(f.imap.calls).toEqual([{ account: ALICE, keepSessionDigest: null }]);
    expect(f.resetTokens.rows()).toEqual([]);
    expect(f.notifier.sent.at(-1)).toMatchObject({ kind: 'password_changed', account: ALICE });
    expect(f.audit.events.filter((e) => e.type === 'password_reset_completed')).toHaveLength(1);
    expect(await f.complete(token)).toEqual({ ok: false, code: 'invalid_token' });
    // Only the reset mail itself carries the token; the audit trail and the outbox never do.
    const recorded = JSON.stringify([
      f.audit.events,
      f.store.allPendingRevocations(),
      f.notifier.sent.slice(2),
    ]);
    expect(recorded).not.toContain(token);
    expect(recorded).not.toContain(await resetTokenDigest(token));
    for (const p of plaintexts()) expect(recorded).not.toContain(p);
  });

  it('gives the new password the max age of its domain (passwordMaxAge)', async () => {
    const f = await resetFixture({ passwordMaxAge: { days: 90, domains: { 'example.org': 30 } } });
    await f.request();
    expect(await f.complete(f.lastToken())).toMatchObject({ ok: true });
    const record = await f.store.get(ALICE);
    expect(record?.expiresAt).toEqual(new Date(f.clock.now().getTime() + 30 * 86_400_000));
  });

  it('keeps the token usable after a policy or confirmation refusal', async () => {
    const f = await resetFixture();
    await f.request();
    const token = f.lastToken();
    expect(await f.complete(token, 'short')).toMatchObject({ ok: false, code: 'policy_violation' });
    expect(await f.complete(token, NEW, `${NEW}x`)).toEqual({ ok: false, code: 'confirmation_mismatch' });
    expect(await f.complete(token, ALICE_PASSWORD)).toMatchObject({
      ok: false,
      code: 'policy_violation',
      violations: [{ code: 'reused_password' }],
    });
    expect((await f.complete(token)).ok).toBe(true);
  });

  it('refuses a token after a password change since it was issued', async () => {
    const f = await resetFixture();
    await f.request();
    const token = f.lastToken();
    const changed = await changeOwnPassword(f.deps, {
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: 'Amber-Meadow-52',
      confirmation: 'Amber-Meadow-52',
    });
    expect(changed.ok).toBe(true);
    expect(await checkPasswordReset(f.deps, { token })).toEqual({ ok: false, code: 'invalid_token' });
    expect(await f.complete(token)).toEqual({ ok: false, code: 'invalid_token' });
    expect(await f.passwordWorks('Amber-Meadow-52')).toBe(true);
  });

  it('refuses an expired, a malformed and an unknown token', async () => {
    const f = await resetFixture({ resetTokenTtlMs: 60_000 });
    await f.request();
    const token = f.lastToken();
    f.clock.advance(60_000);
    expect(await f.complete(token)).toEqual({ ok: false, code: 'invalid_token' });
    expect(await f.complete('../../etc')).toEqual({ ok: false, code: 'invalid_token' });
    expect(await f.complete('0'.repeat(64))).toEqual({ ok: false, code: 'invalid_token' });
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('answers storage_failure when the token store cannot be read, changing nothing', async () => {
    const f = await resetFixture();
    await f.request();
    const token = f.lastToken();
    const failing = {
      ...f.deps,
      resetTokens: {
        ...f.resetTokens,
        find: async () => {
          throw Object.assign(new Error('gone'), { code: 'ECONNREFUSED' });
        },
      },
    };
    const result = await completePasswordReset(failing, { token, newPassword: NEW, confirmation: NEW });
    expect(result).toMatchObject({ ok: false, code: 'storage_failure' });
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
    expect((await f.complete(token)).ok).toBe(true);
  });

  it('lets exactly one of two racing submissions of one link through', async () => {
    const f = await resetFixture();
    await f.request();
    const token = f.lastToken();
    const results = await Promise.all([f.complete(token, NEW), f.complete(token, 'Other-Harbor-74')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'invalid_token' }]);
  });

  it('resets the login-attempt count of the account', async () => {
    const f = await resetFixture();
    for (let i = 0; i < 3; i++) await f.limiter.consume(`account:${ALICE}`);
    expect((await f.limiter.consume(`account:${ALICE}`)).allowed).toBe(false);
    await f.request();
    expect((await f.complete(f.lastToken())).ok).toBe(true);
    expect((await f.limiter.consume(`account:${ALICE}`)).allowed).toBe(true);
  });

  it('is bound by createRotation', async () => {
    const f = await resetFixture();
    const rotation = createRotation(f.deps);
    const requested = await rotation.requestPasswordReset({ account: ALICE, resetUrl: url });
    if (requested.ok) await requested.delivery;
    const token = f.lastToken();
    expect((await rotation.checkPasswordReset({ token })).ok).toBe(true);
    expect(
      await rotation.completePasswordReset({ token, newPassword: NEW, confirmation: NEW }),
    ).toMatchObject({ ok: true, account: ALICE });
  });
});
