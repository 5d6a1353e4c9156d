/** @module ResetTokenStore over SQLite: the `passrotate_reset_tokens` table, digests only. */
import type { ResetTokenStore } from '../../ports/reset-token-store.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import {
  RESET_TOKEN_COLUMNS,
  type ResetTokenRow,
  resetTokenValues,
  toResetTokenRecord,
} from '../sql/reset-token-row.js';
import type { SqliteOptions } from './options.js';

/**
 * A `ResetTokenStore` in the `passrotate_reset_tokens` table. `consume` is one
 * `DELETE … WHERE digest = ? AND expires_at > ? RETURNING …` statement, so of racing consumers
 * (in this or any other process on the file) exactly one gets the row. Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const resetTokens = sqliteResetTokenStore({ db });
 * const rotation = createRotation({ store, hasher, policy, resetTokens });
 * ```
 */
export function sqliteResetTokenStore(options: SqliteOptions): ResetTokenStore {
  const { q } = resolveSchema(options.schema);
  const { db } = options;
  const table = q.resetTokens;
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };
  function prepare() {
    return {
      save: db.prepare(`INSERT INTO ${table} (${RESET_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?)`),
      find: db.prepare<[string, number], ResetTokenRow>(
        `SELECT ${RESET_TOKEN_COLUMNS} FROM ${table} WHERE digest = ? AND expires_at > ?`,
      ),
      consume: db.prepare<[string, number], ResetTokenRow>(
        `DELETE FROM ${table} WHERE digest = ? AND expires_at > ? RETURNING ${RESET_TOKEN_COLUMNS}`,
      ),
      deleteAll: db.prepare(`DELETE FROM ${table} WHERE account = ?`),
      purge: db.prepare(`DELETE FROM ${table} WHERE expires_at <= ?`),
    };
  }
  return {
    async save(token) {
      s().save.run(...resetTokenValues(token));
    },
    async find(digest, now) {
      const row = s().find.get(digest, now.getTime());
      return row ? toResetTokenRecord(row) : null;
    },
    async consume(digest, now) {
      const row = s().consume.get(digest, now.getTime());
      return row ? toResetTokenRecord(row) : null;
    },
    async deleteAll(account) {
      return s().deleteAll.run(account.toLowerCase()).changes;
    },
    async purgeExpired(now) {
      return s().purge.run(now.getTime()).changes;
    },
  };
}
