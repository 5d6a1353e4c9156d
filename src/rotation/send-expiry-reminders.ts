/** @module Cron flow: e-mails owners whose password expires soon, once per threshold and expiry. */
import type { ExpiryReminder } from '../ports/expiry-reminder-log.js';
import { dueReminderDays } from './decisions.js';
import { forEachExpiring } from './expiring-mailboxes.js';
import { runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RotationDeps } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Which reminders to send.
 *
 * @example
 * ```ts
 * const input: SendExpiryRemindersInput = { days: [14, 3, 1], domain: 'example.org' };
 * ```
 */
export interface SendExpiryRemindersInput {
  /** Thresholds in whole days before the expiry, e.g. `[14, 3, 1]`; each is sent at most once per expiry. */
  readonly days: readonly number[];
  /** Only this domain. Default every domain. */
  readonly domain?: string | null;
}

/**
 * What {@link sendExpiryReminders} did: `sent` reminders, `alreadySent` (claimed by an earlier or
 * a concurrent run), `failed` deliveries (released, so the next run retries them) and `skipped`
 * mailboxes (inactive, must-change or temporary, already expired, never expiring, or no threshold
 * reached yet).
 *
 * @example
 * ```ts
 * if (result.ok) console.log(`${result.sent} sent, ${result.failed} failed`);
 * ```
 */
export type SendExpiryRemindersResult =
  | {
      readonly ok: true;
      readonly sent: number;
      readonly alreadySent: number;
      readonly failed: number;
      readonly skipped: number;
    }
  | StorageFailure;

function checkThresholds(days: readonly number[]): void {
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 3650)) {
    throw new RangeError('sendExpiryReminders: days must be whole numbers of days from 1 to 3650');
  }
}

/**
 * Sends `password_expiring { expiresAt }` to each active mailbox whose ordinary password expires
 * within one of the `days` thresholds, for cron (`passrotate remind`). Only the nearest threshold
 * reached is due. Each reminder is first claimed in `deps.expiryReminders` (an atomic
 * insert-if-absent on account, expiry and threshold), so two overlapping runs send it at most once;
 * a failed delivery releases the claim and is audited as `notification_failed`. Skips inactive
 * mailboxes, must-change and temporary passwords, already expired ones and never-expiring ones
 * (Postfixadmin's 9999-12-31).
 *
 * @throws TypeError without `deps.notifier` or `deps.expiryReminders`; RangeError for bad `days`.
 * @throws PassrotateError `unsupported_store` when the store cannot list expiring passwords.
 *
 * @example
 * ```ts
 * const result = await sendExpiryReminders({ ...deps, notifier, expiryReminders }, { days: [14, 3, 1] });
 * ```
 */
export async function sendExpiryReminders(
  deps: RotationDeps,
  input: SendExpiryRemindersInput,
): Promise<SendExpiryRemindersResult> {
  const { notifier, expiryReminders: log } = deps;
  if (!notifier || !log)
    throw new TypeError('sendExpiryReminders needs deps.notifier and deps.expiryReminders');
  checkThresholds(input.days);
  const rt = runtime(deps);
  const now = rt.clock.now();
  const horizon = new Date(now.getTime() + Math.max(...input.days) * DAY_MS + 1);
  const counts = { sent: 0, alreadySent: 0, failed: 0, skipped: 0 };
  return (
    (await forEachExpiring(deps.store, horizon, input.domain ?? null, async (record) => {
      const days =
        record.active && !record.mustChange && record.expiresAt !== null
          ? dueReminderDays(record.expiresAt, now, input.days)
          : null;
      if (days === null || record.expiresAt === null) {
        counts.skipped += 1;
        return null;
      }
      const reminder: ExpiryReminder = { account: record.account, expiresAt: record.expiresAt, days };
      const claimed = await stored(() => log.claim(reminder, now));
      if (!claimed.ok) return claimed;
      if (!claimed.value) {
        counts.alreadySent += 1;
        return null;
      }
      try {
        await notifier.notify({
          kind: 'password_expiring',
          account: record.account,
          at: now,
          actor: 'system',
          expiresAt: record.expiresAt,
        });
        counts.sent += 1;
        await rt.audit({
          type: 'expiry_reminder_sent',
          account: record.account,
          actor: 'system',
          outcome: 'ok',
          details: { days },
        });
      } catch {
        counts.failed += 1;
        const released = await stored(() => log.release(reminder));
        await rt.audit({
          type: 'notification_failed',
          account: record.account,
          actor: 'system',
          outcome: 'notification_failed',
          details: { kind: 'password_expiring', released: released.ok },
        });
      }
      return null;
    })) ?? { ok: true, ...counts }
  );
}
