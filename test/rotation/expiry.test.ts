import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryExpiryReminderLog } from '../../src/adapters/memory/index.js';
import {
  adminSetPassword,
  changeOwnPassword,
  expireDuePasswords,
  type PasswordNotification,
  sendExpiryReminders,
  verifyLogin,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture } from '../support/rotation-fixture.js';

const DAY = 86_400_000;
const NEVER = new Date('9999-12-31T00:00:00Z');

async function expiryFixture() {
  const f = await fixture();
  const reminders = memoryExpiryReminderLog();
  const deps = { ...f.deps, expiryReminders: reminders };
  const hash = await f.hasher.hash('Some-Password-55');
  const add = (account: string, more: { expiresAt?: Date | null; mustChange?: boolean; active?: boolean }) =>
    f.store.createMailbox({ account, passwordHash: hash, ...more });
  return { ...f, deps, reminders, add };
}

const expiring = (sent: readonly PasswordNotification[]) =>
  sent.filter((n) => n.kind === 'password_expiring').map((n) => n.account);

describe('passwordMaxAge', () => {
  it('makes an own change expire after the domain’s days, or the default, or never for 0', async () => {
    const f = await fixture();
    const now = f.clock.now();
    const change = (domains: Record<string, number>) =>
      changeOwnPassword(
        { ...f.deps, passwordMaxAge: { days: 90, domains } },
        {
          account: ALICE,
          currentPassword: ALICE_PASSWORD,
          newPassword: 'Amber-Heron-52x',
          confirmation: 'Amber-Heron-52x',
        },
      );
    expect(await change({})).toMatchObject({ ok: true });
    expect((await f.store.get(ALICE))?.expiresAt).toEqual(new Date(now.getTime() + 90 * DAY));
    await f.store.createMailbox({
      account: 'bob@example.org',
      passwordHash: await f.hasher.hash(ALICE_PASSWORD),
    });
    await changeOwnPassword(
      { ...f.deps, passwordMaxAge: { days: 90, domains: { 'example.org': 0 } } },
      {
        account: 'bob@example.org',
        currentPassword: ALICE_PASSWORD,
        newPassword: 'Amber-Heron-52x',
        confirmation: 'Amber-Heron-52x',
      },
    );
    expect((await f.store.get('bob@example.org'))?.expiresAt).toBeNull();
  });

  it('applies to an admin’s permanent password, while a temporary one keeps its short lifetime', async () => {
    const f = await fixture();
    const deps = { ...f.deps, passwordMaxAge: { days: 30, domains: { 'example.org': 7 } } };
    const actor = { name: 'ops', superadmin: true, domains: [] };
    const now = f.clock.now().getTime();
    expect(
      await adminSetPassword(deps, { actor, account: ALICE, generate: true, temporary: false }),
    ).toMatchObject({
      ok: true,
      expiresAt: new Date(now + 7 * DAY),
    });
    expect(await adminSetPassword(deps, { actor, account: ALICE, generate: true })).toMatchObject({
      ok: true,
      expiresAt: new Date(now + 72 * 3_600_000),
    });
  });

  it('throws on a day count that is not a whole non-negative number', async () => {
    const f = await fixture();
    await expect(
      changeOwnPassword(
        { ...f.deps, passwordMaxAge: { days: -1 } },
        {
          account: ALICE,
          currentPassword: ALICE_PASSWORD,
          newPassword: 'Amber-Heron-52x',
          confirmation: 'Amber-Heron-52x',
        },
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('aged-out password', () => {
  it('signs in only to be changed, and the change clears the expiry', async () => {
    const f = await expiryFixture();
    await f.add('old@example.org', { expiresAt: new Date(f.clock.now().getTime() - DAY) });
    const login = await verifyLogin(f.deps, { account: 'old@example.org', password: 'Some-Password-55' });
    expect(login).toMatchObject({ ok: true, mustChange: true, expired: true });
    expect(
      await changeOwnPassword(f.deps, {
        account: 'old@example.org',
        currentPassword: 'Some-Password-55',
        newPassword: 'Amber-Heron-52x',
        confirmation: 'Amber-Heron-52x',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await verifyLogin(f.deps, { account: 'old@example.org', password: 'Amber-Heron-52x' }),
    ).toMatchObject({
      ok: true,
      mustChange: false,
      expired: false,
      expiresAt: null,
    });
  });

  it('cannot be changed past the grace', async () => {
    const f = await expiryFixture();
    await f.add('old@example.org', { expiresAt: new Date(f.clock.now().getTime() - DAY) });
    expect(
      await changeOwnPassword(
        { ...f.deps, expiredPasswordGraceMs: DAY },
        {
          account: 'old@example.org',
          currentPassword: 'Some-Password-55',
          newPassword: 'Amber-Heron-52x',
          confirmation: 'Amber-Heron-52x',
        },
      ),
    ).toEqual({ ok: false, code: 'password_expired' });
  });
});

describe('sendExpiryReminders', () => {
  it('sends the nearest reached threshold once, and skips inactive, temporary, expired and never-expiring passwords', async () => {
    const f = await expiryFixture();
    const now = f.clock.now().getTime();
    await f.add('soon@example.org', { expiresAt: new Date(now + 2 * DAY) });
    await f.add('later@example.org', { expiresAt: new Date(now + 10 * DAY) });
    await f.add('far@example.org', { expiresAt: new Date(now + 30 * DAY) });
    await f.add('off@example.org', { expiresAt: new Date(now + 2 * DAY), active: false });
    await f.add('temp@example.org', { expiresAt: new Date(now + 2 * DAY), mustChange: true });
    await f.add('gone@example.org', { expiresAt: new Date(now - DAY) });
    await f.add('never@example.org', { expiresAt: NEVER });
    const first = await sendExpiryReminders(f.deps, { days: [14, 3, 1] });
    expect(first).toEqual({ ok: true, sent: 2, alreadySent: 0, failed: 0, skipped: 3 });
    expect(expiring(f.notifier.sent).sort()).toEqual(['later@example.org', 'soon@example.org']);
    expect(f.notifier.sent[1]).toMatchObject({
      kind: 'password_expiring',
      actor: 'system',
      expiresAt: new Date(now + 2 * DAY),
    });
    expect(f.audit.events.filter((e) => e.type === 'expiry_reminder_sent').map((e) => e.details)).toEqual([
      { days: 14 },
      { days: 3 },
    ]);
    expect(await sendExpiryReminders(f.deps, { days: [14, 3, 1] })).toEqual({
      ok: true,
      sent: 0,
      alreadySent: 2,
      failed: 0,
      skipped: 3,
    });
    f.clock.advance(1.5 * DAY);
    expect(await sendExpiryReminders(f.deps, { days: [14, 3, 1] })).toMatchObject({
      sent: 1,
      alreadySent: 1,
    });
    expect(expiring(f.notifier.sent)).toHaveLength(3);
  });

  it('sends each due reminder once when five runs overlap', async () => {
    const f = await expiryFixture();
    const now = f.clock.now().getTime();
    for (let i = 0; i < 10; i++)
      await f.add(`m${i}@example.org`, { expiresAt: new Date(now + (i + 1) * 3_600_000) });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendExpiryReminders(f.deps, { days: [1] })),
    );
    expect(results.reduce((sum, r) => sum + (r.ok ? r.sent : 0), 0)).toBe(10);
    expect(new Set(expiring(f.notifier.sent)).size).toBe(10);
    expect(expiring(f.notifier.sent)).toHaveLength(10);
  });

  it('only covers the given domain', async () => {
    const f = await expiryFixture();
    const now = f.clock.now().getTime();
    await f.add('a@one.test', { expiresAt: new Date(now + DAY) });
    await f.add('b@two.test', { expiresAt: new Date(now + DAY) });
    await sendExpiryReminders(f.deps, { days: [3], domain: 'TWO.test' });
    expect(expiring(f.notifier.sent)).toEqual(['b@two.test']);
  });

  it('releases the claim of a failed delivery, audits it, and the next run sends it', async () => {
    const f = await expiryFixture();
    await f.add('soon@example.org', { expiresAt: new Date(f.clock.now().getTime() + DAY) });
    let down = true;
    const notifier = {
      notify: async (n: PasswordNotification) => {
        if (down) throw new Error('smtp down');
        await f.notifier.notify(n);
      },
    };
    expect(await sendExpiryReminders({ ...f.deps, notifier }, { days: [3] })).toMatchObject({
      sent: 0,
      failed: 1,
    });
    expect(f.audit.events.at(-1)).toMatchObject({
      type: 'notification_failed',
      details: { kind: 'password_expiring', released: true },
    });
    down = false;
    expect(await sendExpiryReminders({ ...f.deps, notifier }, { days: [3] })).toMatchObject({
      sent: 1,
      failed: 0,
    });
  });

  it('refuses to run without a notifier or a reminder log, or with bad thresholds', async () => {
    const f = await expiryFixture();
    const { notifier: _n, ...noNotifier } = f.deps;
    await expect(sendExpiryReminders(noNotifier, { days: [3] })).rejects.toThrow(TypeError);
    await expect(sendExpiryReminders(f.deps, { days: [] })).rejects.toThrow(RangeError);
    await expect(sendExpiryReminders(f.deps, { days: [0.5] })).rejects.toThrow(RangeError);
    const { listExpiringBefore: _l, ...bare } = f.store;
    await expect(sendExpiryReminders({ ...f.deps, store: bare }, { days: [3] })).rejects.toMatchObject({
      code: 'unsupported_store',
    });
  });

  it('sends at most one reminder per account, expiry and threshold, whatever the order and overlap of runs', async () => {
    const mailbox = fc.record({
      inDays: fc.oneof(
        { weight: 5, arbitrary: fc.double({ min: -1, max: 16, noNaN: true }) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      mustChange: fc.oneof(
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      active: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    });
    const run = fc.record({
      advanceHours: fc.integer({ min: 0, max: 96 }),
      parallel: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(mailbox, { minLength: 1, maxLength: 6 }),
        fc.array(run, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 3 }),
        async (mailboxes, runs, days) => {
          const f = await expiryFixture();
          const t0 = f.clock.now().getTime();
          const eligible = new Set<string>();
          for (const [i, m] of mailboxes.entries()) {
            const expiresAt = m.inDays === null ? NEVER : new Date(t0 + m.inDays * DAY);
            await f.add(`m${i}@example.org`, { expiresAt, mustChange: m.mustChange, active: m.active });
            if (m.inDays !== null && m.active && !m.mustChange) eligible.add(`m${i}@example.org`);
          }
          for (const r of runs) {
            f.clock.advance(r.advanceHours * 3_600_000);
            await Promise.all(
              Array.from({ length: r.parallel }, () => sendExpiryReminders(f.deps, { days })),
            );
          }
          const sent = f.audit.events.filter((e) => e.type === 'expiry_reminder_sent');
          const keys = sent.map((e) => `${e.account}/${e.details?.days}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(expiring(f.notifier.sent)).toHaveLength(keys.length);
          for (const account of expiring(f.notifier.sent)) expect(eligible.has(account)).toBe(true);
          for (const n of f.notifier.sent) {
            if (n.kind === 'password_expiring') expect(n.expiresAt.getTime()).toBeGreaterThan(n.at.getTime());
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('expireDuePasswords', () => {
  it('makes aged-out passwords must-change once, notifying and auditing each, and skips the rest', async () => {
    const f = await expiryFixture();
    const now = f.clock.now().getTime();
    await f.add('old@example.org', { expiresAt: new Date(now - DAY) });
    await f.add('edge@example.org', { expiresAt: new Date(now) });
    await f.add('soon@example.org', { expiresAt: new Date(now + DAY) });
    await f.add('off@example.org', { expiresAt: new Date(now - DAY), active: false });
    await f.add('temp@example.org', { expiresAt: new Date(now - DAY), mustChange: true });
    expect(await expireDuePasswords(f.deps)).toEqual({
      ok: true,
      expired: ['edge@example.org', 'old@example.org'],
      conflicts: 0,
      skipped: 2,
    });
    expect(await f.store.get('old@example.org')).toMatchObject({ mustChange: true, expiresAt: null });
    expect(f.notifier.sent.map((n) => [n.kind, n.account])).toEqual([
      ['password_expired', 'edge@example.org'],
      ['password_expired', 'old@example.org'],
    ]);
    expect(f.audit.events.filter((e) => e.type === 'password_expired').map((e) => e.actor)).toEqual([
      'system',
      'system',
    ]);
    expect(
      await verifyLogin(f.deps, { account: 'old@example.org', password: 'Some-Password-55' }),
    ).toMatchObject({
      ok: true,
      mustChange: true,
    });
    expect(await expireDuePasswords(f.deps)).toEqual({ ok: true, expired: [], conflicts: 0, skipped: 2 });
    expect(await verifyLogin(f.deps, { account: 'temp@example.org', password: 'Some-Password-55' })).toEqual({
      ok: false,
      code: 'password_expired',
    });
  });

  it('only covers the given domain', async () => {
    const f = await expiryFixture();
    const past = new Date(f.clock.now().getTime() - DAY);
    await f.add('a@one.test', { expiresAt: past });
    await f.add('b@two.test', { expiresAt: past });
    expect(await expireDuePasswords(f.deps, { domain: 'one.test' })).toMatchObject({
      expired: ['a@one.test'],
    });
  });
});
