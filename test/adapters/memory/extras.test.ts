import { describe, expect, it } from 'vitest';
import {
  manualClock,
  memoryAttemptLimiter,
  memoryAuditSink,
  memoryCredentialStore,
  memoryNotifier,
  seededRandomSource,
} from '../../../src/adapters/memory/index.js';
import { PassrotateError } from '../../../src/index.js';

describe('memory adapters beyond the conformance suites', () => {
  it('moves a manual clock only when told', () => {
    const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('keeps audit events and notifications in order', async () => {
    const audit = memoryAuditSink();
    const notifier = memoryNotifier();
    const at = new Date(0);
    await audit.record({ type: 'password_changed', account: 'a@b.c', actor: 'self', at, outcome: 'ok' });
    await audit.record({ type: 'sessions_revoked', account: 'a@b.c', actor: 'self', at, outcome: 'ok' });
    await notifier.notify({ kind: 'password_changed', account: 'a@b.c', at, actor: 'self' });
    expect(audit.events.map((e) => e.type)).toEqual(['password_changed', 'sessions_revoked']);
    expect(notifier.sent).toEqual([{ kind: 'password_changed', account: 'a@b.c', at, actor: 'self' }]);
  });

  it('draws repeatable bytes from a seed, independent of how the reads are split', () => {
    const whole = seededRandomSource('seed-1').fill(new Uint8Array(100));
    const split = seededRandomSource('seed-1');
    const parts = [7, 32, 1, 60].map((n) => split.fill(new Uint8Array(n)));
    expect(Uint8Array.from(parts.flatMap((p) => [...p]))).toEqual(whole);
    expect(seededRandomSource(new TextEncoder().encode('seed-1')).fill(new Uint8Array(100))).toEqual(whole);
    expect(seededRandomSource('seed-2').fill(new Uint8Array(100))).not.toEqual(whole);
    expect(new Set(whole).size).toBeGreaterThan(50);
  });

  it('refuses impossible limiter options', () => {
    expect(() => memoryAttemptLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => memoryAttemptLimiter({ limit: 1.5 })).toThrow(RangeError);
    expect(() => memoryAttemptLimiter({ windowMs: 0 })).toThrow(RangeError);
  });

  it('refuses an account that is not a full address', async () => {
    const store = memoryCredentialStore();
    for (const account of ['alice', '@example.org', 'alice@']) {
      await expect(store.createMailbox({ account, passwordHash: 'x' })).rejects.toBeInstanceOf(
        PassrotateError,
      );
    }
  });

  it('seeds mailboxes and stamps them with its clock', async () => {
    const clock = manualClock(new Date('2026-05-01T00:00:00Z'));
    const store = memoryCredentialStore({
      clock,
      mailboxes: [{ account: 'Bob@Example.org', passwordHash: 'h' }],
    });
    expect(await store.get('bob@example.org')).toMatchObject({ version: 1, changedAt: clock.now() });
  });

  it('returns copies that callers cannot use to change the store', async () => {
    const store = memoryCredentialStore({ mailboxes: [{ account: 'c@example.org', passwordHash: 'h' }] });
    const rec = await store.get('c@example.org');
    rec?.changedAt.setTime(0);
    expect((await store.get('c@example.org'))?.changedAt.getTime()).not.toBe(0);
  });
});
