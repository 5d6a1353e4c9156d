/** @module ExpiryReminderLog over PostgreSQL: one row per claimed reminder in `passrotate_expiry_reminders`. */
import type { ExpiryReminderLog } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

/**
 * An `ExpiryReminderLog` on the `passrotate_expiry_reminders` table. `claim` is one
 * `INSERT … ON CONFLICT DO NOTHING` on the (account, expiry, days) primary key: of racing callers
 * on any number of hosts, exactly one inserts the row (the others wait on its key and see the
 * conflict). Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * const log = postgresExpiryReminderLog({ pool });
 * await log.claim({ account: 'alice@example.org', expiresAt, days: 14 }, new Date()); // true once
 * ```
 */
export function postgresExpiryReminderLog(options: PostgresOptions): ExpiryReminderLog {
  const { q } = resolveSchema(options.schema, 'postgres');
  const { pool } = options;
  return {
    async claim(r, at) {
      const res = await pool.query(
        `INSERT INTO ${q.expiryReminders} (account, expires_at, days, claimed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [normalizeAccount(r.account), r.expiresAt.getTime(), r.days, at.getTime()],
      );
      return res.rowCount === 1;
    },
    async release(r) {
      await pool.query(
        `DELETE FROM ${q.expiryReminders} WHERE account = $1 AND expires_at = $2 AND days = $3`,
        [normalizeAccount(r.account), r.expiresAt.getTime(), r.days],
      );
    },
    async pruneBefore(instant) {
      const res = await pool.query(`DELETE FROM ${q.expiryReminders} WHERE expires_at < $1`, [
        instant.getTime(),
      ]);
      return res.rowCount ?? 0;
    },
  };
}
