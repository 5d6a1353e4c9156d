/** @module SessionStore over PostgreSQL; ids are stored as SHA-256 digests. */
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { type SessionRow, toWebSession } from '../sql/records.js';
import type { PostgresOptions } from './options.js';
import { revokeSessionsFunction } from './revoke-sessions-function.js';

/**
 * A `SessionStore` in the `passrotate_sessions` table on an injected `pg` pool. Only the SHA-256
 * digest of a session id is stored. Epochs live in `passrotate_session_epochs`; `get` compares a
 * session's epoch with its account's in the same `SELECT`, and `revokeAll` is one call (one round
 * trip) of the PL/pgSQL function `migratePostgres` creates, whose first statement (the epoch
 * upsert) locks the account's epoch row until commit, then moves the kept session and deletes the
 * rest, so racing `revokeAll` calls on many panel instances serialize per account.
 * Run `migratePostgres` first (at every start: it replaces the function after an upgrade).
 *
 * @example
 * ```ts
 * const sessions = postgresSessionStore({ pool });
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(currentId) });
 * ```
 */
export function postgresSessionStore(options: PostgresOptions): SessionStore {
  const schema = resolveSchema(options.schema);
  const { q } = schema;
  const { pool } = options;
  // Only the name matters here: migratePostgres created the function for this prefix.
  const revokeSessions = revokeSessionsFunction(schema);
  const revokeStatement = `passrotate_revoke_${schema.names.prefix}`.slice(0, 63);
  return {
    async create(session: WebSession) {
      await pool.query(
        `INSERT INTO ${q.sessions} (id_digest, account, created_at, expires_at, epoch, data)
         VALUES ($1, $2, $3, $4, $5, $6)`,
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
      const res = await pool.query<SessionRow>(
        `SELECT s.account, s.created_at, s.expires_at, s.epoch, s.data FROM ${q.sessions} s
         LEFT JOIN ${q.sessionEpochs} e ON e.account = s.account
         WHERE s.id_digest = $1 AND s.expires_at > $2 AND s.epoch >= COALESCE(e.epoch, 0)`,
        [digestSessionId(id), now.getTime()],
      );
      const row = res.rows[0];
      if (row === undefined) return null;
      return toWebSession(id, row);
    },
    async revoke(id) {
      await pool.query(`DELETE FROM ${q.sessions} WHERE id_digest = $1`, [digestSessionId(id)]);
    },
    async epoch(account) {
      const res = await pool.query<{ epoch: string }>(
        `SELECT epoch FROM ${q.sessionEpochs} WHERE account = $1`,
        [normalizeAccount(account)],
      );
      return Number(res.rows[0]?.epoch ?? 0);
    },
    async revokeAll(account, opts = {}) {
      const res = await pool.query<{ removed: string }>({
        name: revokeStatement,
        text: `SELECT ${revokeSessions.name}($1, $2) AS removed`,
        values: [normalizeAccount(account), opts.exceptDigest ?? null],
      });
      return Number(res.rows[0]?.removed ?? 0);
    },
  };
}
