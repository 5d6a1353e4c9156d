/** @module In-memory ExpiryReminderLog: claims kept in a Map for one process. */
import type { ExpiryReminder, ExpiryReminderLog } from '../../ports/expiry-reminder-log.js';

const keyOf = (r: ExpiryReminder): string =>
  `${r.account.toLowerCase()}\n${r.expiresAt.getTime()}\n${r.days}`;

/**
 * Creates an in-memory {@link ExpiryReminderLog} for one process. `claim` checks and inserts
 * without yielding, so it is atomic within a JavaScript realm.
 *
 * @example
 * ```ts
 * const log = memoryExpiryReminderLog();
 * await log.claim({ account: 'alice@example.org', expiresAt, days: 14 }, new Date()); // true
 * ```
 */
export function memoryExpiryReminderLog(): ExpiryReminderLog {
  const claims = new Map<string, number>();
  return {
    async claim(reminder) {
      const key = keyOf(reminder);
      if (claims.has(key)) return false;
      claims.set(key, reminder.expiresAt.getTime());
      return true;
    },
    async release(reminder) {
      claims.delete(keyOf(reminder));
    },
    async pruneBefore(instant) {
      let pruned = 0;
      for (const [key, expiresAt] of claims) {
        if (expiresAt < instant.getTime()) {
          claims.delete(key);
          pruned += 1;
        }
      }
      return pruned;
    },
  };
}
