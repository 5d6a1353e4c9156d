/** @module ResetTokenStore over MySQL/MariaDB: the `passrotate_reset_tokens` table, digests only. */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { ResetTokenStore } from '../../ports/reset-token-store.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import {
  RESET_TOKEN_COLUMNS,
  type ResetTokenRow,
  resetTokenValues,
  toResetTokenRecord,
} from '../sql/reset-token-row.js';
import type { MysqlOptions } from './options.js';

/**
 * A `ResetTokenStore` in the `passrotate_reset_tokens` table. MySQL 8 cannot return the row a
 * `DELETE` removed, so `consume` reads the live row, then deletes it by digest and expiry: InnoDB
 * lets exactly one racing `DELETE` affect it, and only the caller whose delete affected one row
 * gets the record. Run `migrateMysql` first.
 *
 * @example
 * ```ts
 * const resetTokens = mysqlResetTokenStore({ pool });
 * const rotation = createRotation({ store, hasher, policy, resetTokens });
 * ```
 */
export function mysqlResetTokenStore(options: MysqlOptions): ResetTokenStore {
  const { q } = resolveSchema(options.schema, 'mysql');
  const { pool } = options;
  const table = q.resetTokens;
  const find = async (digest: string, now: Date) => {
    const [rows] = await pool.query<(RowDataPacket & ResetTokenRow)[]>(
      `SELECT ${RESET_TOKEN_COLUMNS} FROM ${table} WHERE digest = ? AND expires_at > ?`,
      [digest, now.getTime()],
    );
    return rows[0] ? toResetTokenRecord(rows[0]) : null;
  };
  const deleted = async (sql: string, values: unknown[]) => {
    const [result] = await pool.query<ResultSetHeader>(sql, values);
    return result.affectedRows;
  };
  return {
    async save(token) {
      await pool.query(
        `INSERT INTO ${table} (${RESET_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?)`,
        resetTokenValues(token),
      );
    },
    find,
    async consume(digest, now) {
      const record = await find(digest, now);
      if (!record) return null;
      const won = await deleted(`DELETE FROM ${table} WHERE digest = ? AND expires_at > ?`, [
        digest,
        now.getTime(),
      ]);
      return won === 1 ? record : null;
    },
    deleteAll: (account) => deleted(`DELETE FROM ${table} WHERE account = ?`, [account.toLowerCase()]),
    purgeExpired: (now) => deleted(`DELETE FROM ${table} WHERE expires_at <= ?`, [now.getTime()]),
  };
}
