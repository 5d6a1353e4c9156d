import { describe, expect, it } from 'vitest';
import {
  type CredentialStore,
  changeOwnPassword,
  resumePendingRevocations,
  sessionIdDigest,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture, plaintexts, recordedText } from '../support/rotation-fixture.js';

const NEW = 'Velvet-Harbor-73';
const change = (overrides: Partial<Parameters<typeof changeOwnPassword>[1]> = {}) => ({
  account: ALICE,
  currentPassword: ALICE_PASSWORD,
  newPassword: NEW,
  confirmation: NEW,
  ...overrides,
});

describe('changeOwnPassword', () => {
  it('changes the password, revokes every session and records the change', async () => {
    const f = await fixture();
    await f.openSession('s1');
    await f.openSession('s2');
    const result = await changeOwnPassword(f.deps, change());
    expect(result).toEqual({
      ok: true,
      version: 2,
      changedAt: f.clock.now(),
      revocation: { done: ['web-sessions', 'imap'], pending: [] },
    });
    expect(await f.passwordWorks(NEW)).toBe(true);
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(false);
    expect(await f.liveSessions('s1', 's2')).toEqual([false, false]);
    expect(f.imap.calls).toEqual([{ account: ALICE, keepSessionDigest: null }]);
    expect(f.store.allPendingRevocations()).toEqual([]);
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([
      ['password_changed', 'ok'],
      ['sessions_revoked', 'ok'],
      ['sessions_revoked', 'ok'],
    ]);
    expect(f.notifier.sent).toEqual([
      { kind: 'password_changed', account: ALICE, at: f.clock.now(), actor: 'self' },
    ]);
    expect((await f.store.get(ALICE))?.previousHashes).toHaveLength(1);
  });

  it("keeps the caller's session with revoke: 'others'", async () => {
    const f = await fixture();
    await f.openSession('mine');
    await f.openSession('other');
    const result = await changeOwnPassword(f.deps, change({ revoke: 'others', sessionId: 'mine' }));
    expect(result.ok).toBe(true);
    expect(await f.liveSessions('mine', 'other')).toEqual([true, false]);
    expect(f.imap.calls).toEqual([{ account: ALICE, keepSessionDigest: await sessionIdDigest('mine') }]);
  });

  it("keeps only the digest of the caller's session in the outbox, and a retry still keeps that session", async () => {
    const f = await fixture();
    const mine = 'mine-cookie-value-Zq81';
    await f.openSession(mine);
    await f.openSession('other');
    f.imap.failing = true;
    const result = await changeOwnPassword(f.deps, change({ revoke: 'others', sessionId: mine }));
    expect(result).toMatchObject({ ok: true, revocation: { pending: ['imap'] } });
    const pending = f.store.allPendingRevocations();
    expect(pending.map((r) => r.keepSessionDigest)).toEqual([await sessionIdDigest(mine)]);
    expect(JSON.stringify(pending)).not.toContain(mine);
    f.imap.failing = false;
    f.clock.advance(30_000);
    expect(await resumePendingRevocations(f.deps)).toEqual({ ok: true, done: 1, failed: 0 });
    expect(await f.liveSessions(mine, 'other')).toEqual([true, false]);
  });

  it("runs only alwaysRun revokers with revoke: 'none'", async () => {
    const f = await fixture();
    const flush = { name: 'auth-cache', alwaysRun: true, calls: 0, revoke: async () => void flush.calls++ };
    await f.openSession('s1');
    const result = await changeOwnPassword(
      { ...f.deps, revokers: [...f.deps.revokers, flush] },
      change({ revoke: 'none' }),
    );
    expect(result).toMatchObject({ ok: true, revocation: { done: ['auth-cache'], pending: [] } });
    expect(await f.liveSessions('s1')).toEqual([true]);
    expect([f.imap.calls.length, flush.calls]).toEqual([0, 1]);
  });

  it("refuses revoke: 'others' without a session id and repeated revoker names (programmer errors)", async () => {
    const f = await fixture();
    await expect(changeOwnPassword(f.deps, change({ revoke: 'others' }))).rejects.toBeInstanceOf(TypeError);
    await expect(
      changeOwnPassword({ ...f.deps, revokers: [f.imap, f.imap] }, change()),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('verifies the current password before hashing anything new', async () => {
    const f = await fixture();
    const result = await changeOwnPassword(f.deps, change({ currentPassword: 'Wrong-Guess-000' }));
    expect(result).toEqual({ ok: false, code: 'invalid_current_password' });
    expect(f.hasher.log).toEqual(['verify:Wrong-Guess-000']);
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
    expect(f.audit.events.map((e) => [e.type, e.outcome])).toEqual([
      ['password_change_refused', 'invalid_current_password'],
    ]);
  });

  it('throttles wrong current passwords per account and per client', async () => {
    const f = await fixture({ limit: 3 });
    for (let i = 0; i < 3; i++) {
      expect(
        await changeOwnPassword(
          f.deps,
          change({ currentPassword: `Wrong-${i}-guess`, clientKey: '198.51.100.7' }),
        ),
      ).toEqual({ ok: false, code: 'invalid_current_password' });
    }
    const limited = await changeOwnPassword(f.deps, change({ clientKey: '203.0.113.9' }));
    expect(limited).toEqual({ ok: false, code: 'rate_limited', retryAfterMs: 60_000 });
    await f.store.createMailbox({
      account: 'bob@example.org',
      passwordHash: await f.hasher.hash('Bob-Password-12'),
    });
    expect(
      await changeOwnPassword(f.deps, {
        ...change({ clientKey: '198.51.100.7' }),
        account: 'bob@example.org',
        currentPassword: 'Bob-Password-12',
      }),
    ).toMatchObject({ code: 'rate_limited' });
    f.clock.advance(60_000);
    expect((await changeOwnPassword(f.deps, change({ clientKey: '198.51.100.7' }))).ok).toBe(true);
  });

  it('checks at most limit current-password guesses in a parallel burst, refusing the right one sent last', async () => {
    const f = await fixture({ limit: 10 });
    const guesses = Array.from({ length: 29 }, (_, i) => `Wrong-Guess-${i}`);
    const results = await Promise.all(
      [...guesses, ALICE_PASSWORD].map((currentPassword) =>
        changeOwnPassword(f.deps, change({ currentPassword, clientKey: '198.51.100.7' })),
      ),
    );
    expect(f.hasher.log.filter((l) => l.startsWith('verify:'))).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.code === 'invalid_current_password')).toHaveLength(10);
    expect(results.at(-1)).toEqual({ ok: false, code: 'rate_limited', retryAfterMs: 60_000 });
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('refuses a confirmation that differs, without hashing it', async () => {
    const f = await fixture();
    const result = await changeOwnPassword(f.deps, change({ confirmation: 'Velvet-Harbor-74' }));
    expect(result).toEqual({ ok: false, code: 'confirmation_mismatch' });
    expect(f.hasher.log.filter((l) => l.startsWith('hash:'))).toEqual([]);
  });

  it('reports every policy violation, with the account and current-password context', async () => {
    const f = await fixture();
    expect(
      await changeOwnPassword(f.deps, change({ newPassword: 'short', confirmation: 'short' })),
    ).toMatchObject({
      ok: false,
      code: 'policy_violation',
      violations: expect.arrayContaining([expect.objectContaining({ code: 'too_short' })]),
    });
    const same = await changeOwnPassword(
      f.deps,
      change({ newPassword: ALICE_PASSWORD, confirmation: ALICE_PASSWORD }),
    );
    expect(same).toMatchObject({
      code: 'policy_violation',
      violations: expect.arrayContaining([{ code: 'same_as_current' }]),
    });
    const named = await changeOwnPassword(
      f.deps,
      change({ newPassword: 'Alice-Harbor-73', confirmation: 'Alice-Harbor-73' }),
    );
    expect(named).toMatchObject({
      violations: expect.arrayContaining([expect.objectContaining({ code: 'contains_account' })]),
    });
    expect(f.audit.events.at(-1)?.details?.violations).toEqual(expect.arrayContaining(['contains_account']));
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('refuses reusing one of the last historySize passwords, and allows an older one', async () => {
    const f = await fixture({ historySize: 2 });
    const passwords = [ALICE_PASSWORD, 'Copper-Meadow-11', 'Silent-Orchid-22', 'Amber-Glacier-33'];
    for (let i = 1; i < passwords.length; i++) {
      const from = passwords[i - 1] as string;
      const to = passwords[i] as string;
      expect(
        (
          await changeOwnPassword(
            f.deps,
            change({ currentPassword: from, newPassword: to, confirmation: to }),
          )
        ).ok,
      ).toBe(true);
    }
    const current = 'Amber-Glacier-33';
    const reuse = await changeOwnPassword(
      f.deps,
      change({ currentPassword: current, newPassword: 'Silent-Orchid-22', confirmation: 'Silent-Orchid-22' }),
    );
    expect(reuse).toMatchObject({
      code: 'policy_violation',
      violations: [{ code: 'reused_password', history: 2 }],
    });
    const old = await changeOwnPassword(
      f.deps,
      change({ currentPassword: current, newPassword: 'Copper-Meadow-11', confirmation: 'Copper-Meadow-11' }),
    );
    expect(old.ok).toBe(true);
  });

  it('answers not_found, forbidden (disabled) and password_expired (dead temporary password)', async () => {
    const f = await fixture();
    expect(await changeOwnPassword(f.deps, change({ account: 'ghost@example.org' }))).toEqual({
      ok: false,
      code: 'not_found',
    });
    const hash = await f.hasher.hash('Temp-Password-99');
    await f.store.createMailbox({ account: 'off@example.org', passwordHash: hash, active: false });
    await f.store.createMailbox({
      account: 'temp@example.org',
      passwordHash: hash,
      mustChange: true,
      expiresAt: f.clock.now(),
    });
    await f.store.createMailbox({ account: 'old@example.org', passwordHash: hash, expiresAt: f.clock.now() });
    const as = (account: string) => change({ account, currentPassword: 'Temp-Password-99' });
    expect(await changeOwnPassword(f.deps, as('off@example.org'))).toEqual({ ok: false, code: 'forbidden' });
    expect(await changeOwnPassword(f.deps, as('temp@example.org'))).toEqual({
      ok: false,
      code: 'password_expired',
    });
    expect((await changeOwnPassword(f.deps, as('old@example.org'))).ok).toBe(true);
  });

  it('answers conflict when a racing change wins, and writes nothing', async () => {
    const f = await fixture();
    const [a, b] = await Promise.all([
      changeOwnPassword(f.deps, change()),
      changeOwnPassword(
        f.deps,
        change({ newPassword: 'Quartz-Lantern-58', confirmation: 'Quartz-Lantern-58' }),
      ),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, code: 'conflict' });
    const winner = a.ok ? NEW : 'Quartz-Lantern-58';
    const loser = a.ok ? 'Quartz-Lantern-58' : NEW;
    expect([await f.passwordWorks(winner), await f.passwordWorks(loser)]).toEqual([true, false]);
    expect(f.notifier.sent).toHaveLength(1);
  });

  it('answers storage_failure when the store throws, and the old password still works', async () => {
    const f = await fixture();
    const broken = (method: keyof CredentialStore, code?: string): CredentialStore => ({
      ...f.store,
      [method]: async () => {
        throw Object.assign(new Error('connection reset'), code === undefined ? {} : { code });
      },
    });
    expect(
      await changeOwnPassword({ ...f.deps, store: broken('setPassword', 'SQLITE_BUSY') }, change()),
    ).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'busy',
    });
    expect(await changeOwnPassword({ ...f.deps, store: broken('get') }, change())).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'unknown',
    });
    const reset = Object.assign(new Error('redis down'), { code: 'ECONNRESET' });
    const limiter = { ...f.limiter, consume: async () => Promise.reject(reset) };
    expect(await changeOwnPassword({ ...f.deps, limiter }, change())).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'connection_failed',
    });
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
    expect(f.store.allPendingRevocations()).toEqual([]);
  });

  it('leaves a failing revocation in the outbox, says so, and resumes it later', async () => {
    const f = await fixture();
    f.imap.failing = true;
    const result = await changeOwnPassword(f.deps, change());
    expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions'], pending: ['imap'] } });
    expect(await f.passwordWorks(NEW)).toBe(true);
    const [row] = f.store.allPendingRevocations();
    expect(row).toMatchObject({
      account: ALICE,
      revoker: 'imap',
      attempts: 1,
      lastError: 'imap_down',
      keepSessionDigest: null,
    });
    expect(row?.nextAttemptAt).toEqual(new Date(f.clock.now().getTime() + 30_000));
    expect(await resumePendingRevocations(f.deps)).toEqual({ ok: true, done: 0, failed: 0 });
    f.clock.advance(30_000);
    expect(await resumePendingRevocations(f.deps)).toEqual({ ok: true, done: 0, failed: 1 });
    expect(f.store.allPendingRevocations()[0]).toMatchObject({ attempts: 2 });
    f.imap.failing = false;
    f.clock.advance(60_000);
    expect(await resumePendingRevocations(f.deps)).toEqual({ ok: true, done: 1, failed: 0 });
    expect(f.store.allPendingRevocations()).toEqual([]);
    expect(f.imap.calls).toHaveLength(3);
  });

  it('keeps the change when the audit sink and the notifier fail', async () => {
    const f = await fixture();
    const failing = async () => {
      throw new Error('down');
    };
    const result = await changeOwnPassword(
      { ...f.deps, audit: { record: failing }, notifier: { notify: failing } },
      change(),
    );
    expect(result.ok).toBe(true);
    expect(await f.passwordWorks(NEW)).toBe(true);
    const audited = await fixture();
    await changeOwnPassword({ ...audited.deps, notifier: { notify: failing } }, change());
    expect(audited.audit.events.map((e) => e.type)).toContain('notification_failed');
  });

  it('records no plaintext password anywhere', async () => {
    const f = await fixture();
    f.imap.failing = true;
    await changeOwnPassword(f.deps, change({ currentPassword: 'Wrong-Guess-000' }));
    await changeOwnPassword(f.deps, change({ confirmation: 'Velvet-Harbor-74' }));
    await changeOwnPassword(
      f.deps,
      change({ newPassword: 'Alice-Harbor-73', confirmation: 'Alice-Harbor-73' }),
    );
    const ok = await changeOwnPassword(f.deps, change());
    const text = recordedText(f, ok);
    const secrets = plaintexts();
    expect(secrets).toEqual(expect.arrayContaining([NEW, ALICE_PASSWORD, 'Wrong-Guess-000']));
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
