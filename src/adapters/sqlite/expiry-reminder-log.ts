/** @module ExpiryReminderLog over SQLite: one row per claimed reminder in `passrotate_expiry_reminders`. */
import type { ExpiryReminderLog } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { SqliteOptions } from './options.js';

/**
 * An `ExpiryReminderLog` on the `passrotate_expiry_reminders` table. `claim` is one
 * `INSERT … ON CONFLICT DO NOTHING` on the (account, expiry, days) primary key: SQLite's write lock
 * lets exactly one of racing callers (processes sharing the file included) insert the row. Run
 * `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const log = sqliteExpiryReminderLog({ db });
 * await log.claim({ account: 'alice@example.org', expiresAt, days: 14 }, new Date()); // true once
 * ```
 */
export function sqliteExpiryReminderLog(options: SqliteOptions): ExpiryReminderLog {
  const { q } = resolveSchema(options.schema);
  const { db } = options;
  // Prepared on first use: the log may be built before `migrateSqlite` created its table.
  const prepare = () => ({
    insert: db.prepare(
      `INSERT INTO ${q.expiryReminders} (account, expires_at, days, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    remove: db.prepare(`DELETE FROM ${q.expiryReminders} WHERE account = ? AND expires_at = ? AND days = ?`),
    prune: db.prepare(`DELETE FROM ${q.expiryReminders} WHERE expires_at < ?`),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const s = () => {
    statements ??= prepare();
    return statements;
  };
  return {
    async claim(r, at) {
      const account = normalizeAccount(r.account);
      return s().insert.run(account, r.expiresAt.getTime(), r.days, at.getTime()).changes === 1;
    },
    async release(r) {
      s().remove.run(normalizeAccount(r.account), r.expiresAt.getTime(), r.days);
    },
    async pruneBefore(instant) {
      return s().prune.run(instant.getTime()).changes;
    },
  };
}
