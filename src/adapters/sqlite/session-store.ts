/** @module SessionStore over SQLite; ids are stored as SHA-256 digests. */
import type { Statement } from 'better-sqlite3';
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { type SessionRow, toWebSession } from '../sql/records.js';
import type { SqliteOptions } from './options.js';
import { sqliteRevokeSessions } from './revoke-sessions.js';

/**
 * A `SessionStore` in the `passrotate_sessions` table of an injected better-sqlite3 database.
 * Only the SHA-256 digest of a session id is stored, so the table never holds a usable cookie.
 * Epochs live in `passrotate_session_epochs`; `get` compares a session's epoch with its account's
 * in the same `SELECT`, and `revokeAll` (epoch bump, move of the kept session, `DELETE`) is one
 * `BEGIN IMMEDIATE` transaction, atomic across processes sharing the file. Sets
 * `PRAGMA secure_delete = ON` on the connection so removed rows are overwritten. Run
 * `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const sessions = sqliteSessionStore({ db });
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(currentId) });
 * ```
 */
export function sqliteSessionStore(options: SqliteOptions): SessionStore {
  const schema = resolveSchema(options.schema);
  const { q } = schema;
  const { db } = options;
  db.pragma('secure_delete = ON');
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };
  function prepare() {
    return {
      insert: db.prepare(
        `INSERT INTO ${q.sessions} (id_digest, account, created_at, expires_at, epoch, data) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      get: db.prepare(
        `SELECT s.account, s.created_at, s.expires_at, s.epoch, s.data FROM ${q.sessions} s
         LEFT JOIN ${q.sessionEpochs} e ON e.account = s.account
         WHERE s.id_digest = ? AND s.expires_at > ? AND s.epoch >= COALESCE(e.epoch, 0)`,
      ) as Statement<[string, number], SessionRow>,
      revoke: db.prepare(`DELETE FROM ${q.sessions} WHERE id_digest = ?`),
      epoch: db.prepare(`SELECT epoch FROM ${q.sessionEpochs} WHERE account = ?`) as Statement<
        [string],
        { epoch: number }
      >,
    };
  }
  const epochOf = (account: string): number => s().epoch.get(account)?.epoch ?? 0;
  const revokeAll = db.transaction(sqliteRevokeSessions(db, schema));
  return {
    async create(session: WebSession) {
      s().insert.run(
        digestSessionId(session.id),
        normalizeAccount(session.account),
        session.createdAt.getTime(),
        session.expiresAt.getTime(),
        session.epoch,
        JSON.stringify(session.data),
      );
    },
    async get(id, now) {
      const row = s().get.get(digestSessionId(id), now.getTime());
      if (row === undefined) return null;
      return toWebSession(id, row);
    },
    async revoke(id) {
      s().revoke.run(digestSessionId(id));
    },
    async epoch(account) {
      return epochOf(normalizeAccount(account));
    },
    async revokeAll(account, opts = {}) {
      return revokeAll.immediate(normalizeAccount(account), opts.exceptDigest ?? null);
    },
  };
}
