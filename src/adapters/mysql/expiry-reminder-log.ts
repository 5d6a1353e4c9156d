/** @module ExpiryReminderLog over MySQL/MariaDB: one row per claimed reminder in `passrotate_expiry_reminders`. */
import type { ResultSetHeader } from 'mysql2/promise';
import type { ExpiryReminderLog } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';
import { mysqlErrno } from './transaction.js';

/** `ER_DUP_ENTRY`: the primary key exists already. */
const DUPLICATE_ENTRY = 1062;

/**
 * An `ExpiryReminderLog` on the `passrotate_expiry_reminders` table. `claim` is one plain `INSERT`
 * on the (account, expiry, days) primary key: InnoDB lets exactly one of racing callers insert it,
 * the others get "duplicate entry" (read as `false`; any other error is thrown). Run
 * `migrateMysql` first.
 *
 * @example
 * ```ts
 * const log = mysqlExpiryReminderLog({ pool });
 * await log.claim({ account: 'alice@example.org', expiresAt, days: 14 }, new Date()); // true once
 * ```
 */
export function mysqlExpiryReminderLog(options: MysqlOptions): ExpiryReminderLog {
  const { q } = resolveSchema(options.schema, 'mysql');
  const { pool } = options;
  return {
    async claim(r, at) {
      try {
        await pool.query(
          `INSERT INTO ${q.expiryReminders} (account, expires_at, days, claimed_at) VALUES (?, ?, ?, ?)`,
          [normalizeAccount(r.account), r.expiresAt.getTime(), r.days, at.getTime()],
        );
        return true;
      } catch (error) {
        if (mysqlErrno(error) === DUPLICATE_ENTRY) return false;
        throw error;
      }
    },
    async release(r) {
      await pool.query(`DELETE FROM ${q.expiryReminders} WHERE account = ? AND expires_at = ? AND days = ?`, [
        normalizeAccount(r.account),
        r.expiresAt.getTime(),
        r.days,
      ]);
    },
    async pruneBefore(instant) {
      const [res] = await pool.query<ResultSetHeader>(
        `DELETE FROM ${q.expiryReminders} WHERE expires_at < ?`,
        [instant.getTime()],
      );
      return res.affectedRows;
    },
  };
}
