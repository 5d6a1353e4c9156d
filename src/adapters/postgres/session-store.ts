/** @module SessionStore over PostgreSQL; ids are stored as SHA-256 digests. */
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

interface SessionRow {
  readonly account: string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly data: string;
}

/**
 * A `SessionStore` in the `passrotate_sessions` table on an injected `pg` pool. Only the SHA-256
 * digest of a session id is stored. `revokeAll` is one `DELETE`. Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * const sessions = postgresSessionStore({ pool });
 * await sessions.revokeAll('alice@example.org', { exceptId: currentId });
 * ```
 */
export function postgresSessionStore(options: PostgresOptions): SessionStore {
  const { q } = resolveSchema(options.schema);
  const { pool } = options;
  return {
    async create(session: WebSession) {
      await pool.query(
        `INSERT INTO ${q.sessions} (id_digest, account, created_at, expires_at, data) VALUES ($1, $2, $3, $4, $5)`,
        [
          digestSessionId(session.id),
          normalizeAccount(session.account),
          session.createdAt.getTime(),
          session.expiresAt.getTime(),
          JSON.stringify(session.data),
        ],
      );
    },
    async get(id, now) {
      const res = await pool.query<SessionRow>(
        `SELECT account, created_at, expires_at, data FROM ${q.sessions} WHERE id_digest = $1 AND expires_at > $2`,
        [digestSessionId(id), now.getTime()],
      );
      const row = res.rows[0];
      if (row === undefined) return null;
      return {
        id,
        account: row.account,
        createdAt: new Date(Number(row.created_at)),
        expiresAt: new Date(Number(row.expires_at)),
        data: JSON.parse(row.data) as Record<string, string>,
      };
    },
    async revoke(id) {
      await pool.query(`DELETE FROM ${q.sessions} WHERE id_digest = $1`, [digestSessionId(id)]);
    },
    async revokeAll(account, opts = {}) {
      const keep = opts.exceptId ? digestSessionId(opts.exceptId) : '';
      const res = await pool.query(`DELETE FROM ${q.sessions} WHERE account = $1 AND id_digest <> $2`, [
        normalizeAccount(account),
        keep,
      ]);
      return res.rowCount ?? 0;
    },
  };
}
