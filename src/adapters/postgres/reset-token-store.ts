/** @module ResetTokenStore over PostgreSQL: the `passrotate_reset_tokens` table, digests only. */
import type { ResetTokenStore } from '../../ports/reset-token-store.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import {
  RESET_TOKEN_COLUMNS,
  type ResetTokenRow,
  resetTokenValues,
  toResetTokenRecord,
} from '../sql/reset-token-row.js';
import type { PostgresOptions } from './options.js';

/**
 * A `ResetTokenStore` in the `passrotate_reset_tokens` table. `consume` is one
 * `DELETE … WHERE digest = $1 AND expires_at > $2 RETURNING …`: the row lock makes every racing
 * consumer but one find nothing to delete. Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * const resetTokens = postgresResetTokenStore({ pool });
 * const rotation = createRotation({ store, hasher, policy, resetTokens });
 * ```
 */
export function postgresResetTokenStore(options: PostgresOptions): ResetTokenStore {
  const { q } = resolveSchema(options.schema);
  const { pool } = options;
  const table = q.resetTokens;
  const one = async (sql: string, values: unknown[]) => {
    const { rows } = await pool.query<ResetTokenRow>(sql, values);
    return rows[0] ? toResetTokenRecord(rows[0]) : null;
  };
  return {
    async save(token) {
      await pool.query(
        `INSERT INTO ${table} (${RESET_TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`,
        resetTokenValues(token),
      );
    },
    find: (digest, now) =>
      one(`SELECT ${RESET_TOKEN_COLUMNS} FROM ${table} WHERE digest = $1 AND expires_at > $2`, [
        digest,
        now.getTime(),
      ]),
    consume: (digest, now) =>
      one(`DELETE FROM ${table} WHERE digest = $1 AND expires_at > $2 RETURNING ${RESET_TOKEN_COLUMNS}`, [
        digest,
        now.getTime(),
      ]),
    async deleteAll(account) {
      const result = await pool.query(`DELETE FROM ${table} WHERE account = $1`, [account.toLowerCase()]);
      return result.rowCount ?? 0;
    },
    async purgeExpired(now) {
      const result = await pool.query(`DELETE FROM ${table} WHERE expires_at <= $1`, [now.getTime()]);
      return result.rowCount ?? 0;
    },
  };
}
