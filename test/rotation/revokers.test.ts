import { describe, expect, it } from 'vitest';
import { memorySessionStore } from '../../src/adapters/memory/index.js';
import {
  changeOwnPassword,
  composeRevokers,
  PassrotateError,
  type RevocationRequest,
  resumePendingRevocations,
  sessionIdDigest,
  sessionStoreRevoker,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture, recordingRevoker } from '../support/rotation-fixture.js';

describe('revokers', () => {
  it('ends web sessions through a SessionStore, keeping one when asked', async () => {
    const sessions = memorySessionStore();
    const at = new Date(0);
    const expiresAt = new Date(1e12);
    for (const id of ['a', 'b', 'c'])
      await sessions.create({ id, account: ALICE, createdAt: at, expiresAt, epoch: 0, data: {} });
    const revoker = sessionStoreRevoker(sessions);
    expect(revoker.name).toBe('web-sessions');
    await revoker.revoke({ account: ALICE, keepSessionDigest: await sessionIdDigest('b') });
    expect(
      await Promise.all(['a', 'b', 'c'].map(async (id) => (await sessions.get(id, at)) !== null)),
    ).toEqual([false, true, false]);
    expect(sessionStoreRevoker(sessions, 'panel').name).toBe('panel');
  });

  it('composes revokers: all run, the unit fails with a code if any fails, alwaysRun if any is', async () => {
    const a = recordingRevoker('a');
    const b = recordingRevoker('b', { alwaysRun: true });
    const unit = composeRevokers('mail', [a, b]);
    expect([unit.name, unit.alwaysRun]).toEqual(['mail', true]);
    expect(composeRevokers('x', [a]).alwaysRun).toBe(false);
    const request: RevocationRequest = { account: ALICE, keepSessionDigest: null };
    await unit.revoke(request);
    a.failing = true;
    const error = await unit.revoke(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassrotateError);
    expect((error as PassrotateError).code).toBe('composed_revoker_failed');
    expect([a.calls.length, b.calls.length]).toEqual([2, 2]);
  });
});

describe('resumePendingRevocations', () => {
  it('reschedules rows of a revoker that is no longer configured, never dropping them', async () => {
    const f = await fixture();
    f.imap.failing = true;
    await changeOwnPassword(f.deps, {
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: 'Velvet-Harbor-73',
      confirmation: 'Velvet-Harbor-73',
    });
    f.clock.advance(3_600_000);
    const deps = { ...f.deps, revokers: f.deps.revokers.filter((r) => r.name !== 'imap') };
    expect(await resumePendingRevocations(deps)).toEqual({ ok: true, done: 0, failed: 1 });
    expect(f.store.allPendingRevocations()).toMatchObject([
      { revoker: 'imap', attempts: 2, lastError: 'unknown_revoker' },
    ]);
  });

  it('works through many rows in batches and stops on rows it cannot reschedule', async () => {
    const f = await fixture();
    f.imap.failing = true;
    const hash = await f.hasher.hash('Seed-Password-00');
    for (let i = 0; i < 7; i++) {
      const account = `u${i}@example.org`;
      await f.store.createMailbox({ account, passwordHash: hash });
      await changeOwnPassword(f.deps, {
        account,
        currentPassword: 'Seed-Password-00',
        newPassword: 'Velvet-Harbor-73',
        confirmation: 'Velvet-Harbor-73',
      });
    }
    f.clock.advance(3_600_000);
    f.imap.failing = false;
    expect(await resumePendingRevocations(f.deps, { batchSize: 3 })).toEqual({
      ok: true,
      done: 7,
      failed: 0,
    });
    expect(f.store.allPendingRevocations()).toEqual([]);

    for (let i = 0; i < 2; i++) {
      f.imap.failing = true;
      await changeOwnPassword(f.deps, {
        account: `u${i}@example.org`,
        currentPassword: 'Velvet-Harbor-73',
        newPassword: `Amber-Glacier-3${i}`,
        confirmation: `Amber-Glacier-3${i}`,
      });
    }
    f.clock.advance(3_600_000);
    const stuck = { ...f.store, failRevocation: async () => Promise.reject(new Error('down')) };
    expect(await resumePendingRevocations({ ...f.deps, store: stuck }, { batchSize: 1 })).toEqual({
      ok: true,
      done: 0,
      failed: 1,
    });
    const unreadable = { ...f.store, listPendingRevocations: async () => Promise.reject(new Error('down')) };
    expect(await resumePendingRevocations({ ...f.deps, store: unreadable })).toEqual({
      ok: false,
      code: 'storage_failure',
      cause: 'unknown',
      done: 0,
      failed: 0,
    });
    await expect(resumePendingRevocations(f.deps, { batchSize: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});
