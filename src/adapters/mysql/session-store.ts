/** @module SessionStore over MySQL/MariaDB; ids are stored as SHA-256 digests. */
import type { RowDataPacket } from 'mysql2/promise';
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { type SessionRow, toWebSession } from '../sql/records.js';
import type { MysqlOptions } from './options.js';
import { revokeSessions } from './procedures.js';

/**
 * A `SessionStore` in the `passrotate_sessions` table on an injected `mysql2/promise` pool, for
 * MariaDB (tested: 10.11) and MySQL 8. Only the SHA-256 digest of a session id is stored. Epochs
 * live in `passrotate_session_epochs`; `get` compares a session's epoch with its account's in the
 * same `SELECT`. `revokeAll` is one call (one round trip) of a stored procedure `migrateMysql`
 * creates: one InnoDB transaction at READ COMMITTED whose first statement
 * (`INSERT … ON DUPLICATE KEY UPDATE epoch = epoch + 1`) takes the account's epoch row lock until
 * commit; the move of the kept session and the `DELETE` after it read the latest committed rows,
 * so racing `revokeAll` calls on many panel instances serialize per account and none loses the
 * kept session. Run `migrateMysql` first (at every start: it replaces the procedures after an
 * upgrade).
 *
 * @example
 * ```ts
 * const sessions = mysqlSessionStore({ pool });
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(currentId) });
 * ```
 */
export function mysqlSessionStore(options: MysqlOptions): SessionStore {
  const schema = resolveSchema(options.schema, 'mysql');
  const { q } = schema;
  const { pool } = options;
  // Only the name matters here: migrateMysql created the procedure for this prefix.
  const revoke = revokeSessions(schema);
  return {
    async create(session: WebSession) {
      await pool.query(
        `INSERT INTO ${q.sessions} (id_digest, account, created_at, expires_at, epoch, data)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [
          digestSessionId(session.id),
          normalizeAccount(session.account),
          session.createdAt.getTime(),
          session.expiresAt.getTime(),
          session.epoch,
          JSON.stringify(session.data),
        ],
      );
    },
    async get(id, now) {
      const [rows] = await pool.query<(RowDataPacket & SessionRow)[]>(
        `SELECT s.account, s.created_at, s.expires_at, s.epoch, s.data FROM ${q.sessions} s
         LEFT JOIN ${q.sessionEpochs} e ON e.account = s.account
         WHERE s.id_digest = ? AND s.expires_at > ? AND s.epoch >= COALESCE(e.epoch, 0)`,
        [digestSessionId(id), now.getTime()],
      );
      const row = rows[0];
      if (row === undefined) return null;
      return toWebSession(id, row);
    },
    async revoke(id) {
      await pool.query(`DELETE FROM ${q.sessions} WHERE id_digest = ?`, [digestSessionId(id)]);
    },
    async epoch(account) {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT epoch FROM ${q.sessionEpochs} WHERE account = ?`,
        [normalizeAccount(account)],
      );
      return Number(rows[0]?.epoch ?? 0);
    },
    async revokeAll(account, opts = {}) {
      const [sets] = await pool.query<RowDataPacket[][]>(`CALL ${revoke.name}(?, ?)`, [
        normalizeAccount(account),
        opts.exceptDigest ?? null,
      ]);
      return Number(sets[0]?.[0]?.removed ?? 0);
    },
  };
}
