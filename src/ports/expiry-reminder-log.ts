/** @module Port: remembers which password-expiry reminders were sent, so each goes out at most once. */

/**
 * One reminder: the `days`-ahead notice for the password of `account` that expires at `expiresAt`.
 * A new password has a new `expiresAt`, so its reminders are new keys.
 *
 * @example
 * ```ts
 * const reminder: ExpiryReminder = { account: 'alice@example.org', expiresAt: record.expiresAt, days: 14 };
 * ```
 */
export interface ExpiryReminder {
  /** Full address, lower-case. */
  readonly account: string;
  /** The expiry the reminder is about (millisecond precision). */
  readonly expiresAt: Date;
  /** The threshold, in days ahead of `expiresAt`. */
  readonly days: number;
}

/**
 * Claims reminders before they are sent. Adapters: memory, SQLite, PostgreSQL, MySQL.
 *
 * Guarantees (checked by `testExpiryReminderLog` in `passrotate/testing`):
 * - `claim` is an atomic insert-if-absent on (`account`, `expiresAt`, `days`): under concurrent
 *   invocation with the same key — two overlapping cron runs, two hosts — exactly one caller gets
 *   `true`, so at most one reminder is sent per key.
 * - `release` deletes a claim (idempotent), so a reminder whose delivery failed is retried by the
 *   next run; a claim that was released can be claimed again.
 * - `pruneBefore(instant)` deletes claims for expiries before `instant` and returns how many.
 * - Accounts are compared lower-cased; `expiresAt` keeps at least millisecond precision.
 *
 * @example
 * ```ts
 * if (await log.claim(reminder, new Date())) await notifier.notify({ kind: 'password_expiring', ...rest });
 * ```
 */
export interface ExpiryReminderLog {
  /** Records the reminder as sent at `at`; `true` when this call claimed it, `false` when it was already claimed. */
  claim(reminder: ExpiryReminder, at: Date): Promise<boolean>;
  /** Forgets a claim (its delivery failed), so a later run may send it. */
  release(reminder: ExpiryReminder): Promise<void>;
  /** Deletes the claims of expiries before `instant` (housekeeping); returns how many. */
  pruneBefore(instant: Date): Promise<number>;
}
