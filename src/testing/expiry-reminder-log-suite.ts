/** @module Conformance suite for ExpiryReminderLog adapters (ours and third parties'). */
import type { ExpiryReminder, ExpiryReminderLog } from '../ports/expiry-reminder-log.js';
import { expect } from './expect.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { uniqueTag } from './unique.js';

/**
 * Options of {@link testExpiryReminderLog}.
 *
 * @example
 * ```ts
 * const options: ExpiryReminderLogSuiteOptions = { teardown: () => db.exec('DELETE FROM passrotate_expiry_reminders') };
 * ```
 */
export interface ExpiryReminderLogSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Runs after each test. */
  readonly teardown?: (log: ExpiryReminderLog) => Promise<void> | void;
}

/**
 * Registers a suite that checks every documented guarantee of an {@link ExpiryReminderLog}: of 50
 * concurrent claims of one reminder exactly one wins (also across two log instances over the same
 * storage when `makeLog` returns them), keys differ by account (case-insensitively equal), expiry
 * and threshold, `release` makes a reminder claimable again and is idempotent, `pruneBefore` drops
 * only older expiries, and expiries keep millisecond precision. Accounts are random per test.
 *
 * @param name - Shown in the suite title.
 * @param makeLog - Builds a log; called twice per racing test, both must share storage.
 * @param options - Teardown.
 *
 * @example
 * ```ts
 * import { testExpiryReminderLog } from 'passrotate/testing';
 * import { memoryExpiryReminderLog } from 'passrotate/adapters/memory';
 * const log = memoryExpiryReminderLog();
 * testExpiryReminderLog('memory', () => log);
 * ```
 */
export function testExpiryReminderLog(
  name: string,
  makeLog: () => ExpiryReminderLog | Promise<ExpiryReminderLog>,
  options: ExpiryReminderLogSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const withLogs = (fn: (a: ExpiryReminderLog, b: ExpiryReminderLog) => Promise<void>) => async () => {
    const a = await makeLog();
    const b = await makeLog();
    try {
      await fn(a, b);
    } finally {
      await options.teardown?.(a);
    }
  };
  const at = new Date();
  const reminder = (
    days = 14,
    expiresAt = new Date(Date.UTC(2031, 0, 1, 12, 0, 0, 123)),
  ): ExpiryReminder => ({
    account: `u${uniqueTag()}@d${uniqueTag()}.test`,
    expiresAt,
    days,
  });

  describe(`ExpiryReminderLog conformance: ${name}`, () => {
    it(
      'claims a reminder once, then refuses it',
      withLogs(async (log) => {
        const r = reminder();
        expect(await log.claim(r, at)).toBe(true);
        expect(await log.claim(r, at)).toBe(false);
        expect(await log.claim({ ...r, account: r.account.toUpperCase() }, at)).toBe(false);
      }),
    );

    it(
      'gives exactly one of 50 concurrent claims of one reminder, across two instances',
      withLogs(async (a, b) => {
        const r = reminder();
        const wins = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).claim(r, at)));
        expect(wins.filter(Boolean).length).toBe(1);
      }),
    );

    it(
      'keeps thresholds, expiries (to the millisecond) and accounts apart',
      withLogs(async (log) => {
        const r = reminder(14);
        expect(await log.claim(r, at)).toBe(true);
        expect(await log.claim({ ...r, days: 3 }, at)).toBe(true);
        expect(await log.claim({ ...r, expiresAt: new Date(r.expiresAt.getTime() + 1) }, at)).toBe(true);
        expect(await log.claim({ ...reminder(14, r.expiresAt) }, at)).toBe(true);
      }),
    );

    it(
      'makes a released reminder claimable again; release is idempotent',
      withLogs(async (log) => {
        const r = reminder();
        await log.release(r);
        expect(await log.claim(r, at)).toBe(true);
        await log.release(r);
        await log.release(r);
        expect(await log.claim(r, at)).toBe(true);
        expect(await log.claim(r, at)).toBe(false);
      }),
    );

    it(
      'prunes only claims of earlier expiries',
      withLogs(async (log) => {
        const old = reminder(1, new Date(Date.UTC(1990, 0, 1)));
        const kept = reminder(1, new Date(Date.UTC(2031, 0, 1)));
        await log.claim(old, at);
        await log.claim(kept, at);
        expect(await log.pruneBefore(new Date(Date.UTC(2000, 0, 1)))).toBeGreaterThan(0);
        expect(await log.claim(old, at)).toBe(true);
        expect(await log.claim(kept, at)).toBe(false);
      }),
    );
  });
}
