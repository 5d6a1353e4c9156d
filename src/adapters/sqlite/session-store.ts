/** @module SessionStore over SQLite; ids are stored as SHA-256 digests. */
import type { Statement } from 'better-sqlite3';
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { SqliteOptions } from './options.js';

interface SessionRow {
  readonly account: string;
  readonly created_at: number;
  readonly expires_at: number;
  readonly data: string;
}

/**
 * A `SessionStore` in the `passrotate_sessions` table of an injected better-sqlite3 database.
 * Only the SHA-256 digest of a session id is stored, so the table never holds a usable cookie.
 * `revokeAll` is one `DELETE`, atomic against concurrent creates. Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const sessions = sqliteSessionStore({ db });
 * await sessions.revokeAll('alice@example.org', { exceptId: currentId });
 * ```
 */
export function sqliteSessionStore(options: SqliteOptions): SessionStore {
  const { q } = resolveSchema(options.schema);
  const { db } = options;
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };
  function prepare() {
    return {
      insert: db.prepare(
        `INSERT INTO ${q.sessions} (id_digest, account, created_at, expires_at, data) VALUES (?, ?, ?, ?, ?)`,
      ),
      get: db.prepare(
        `SELECT account, created_at, expires_at, data FROM ${q.sessions} WHERE id_digest = ? AND expires_at > ?`,
      ) as Statement<[string, number], SessionRow>,
      revoke: db.prepare(`DELETE FROM ${q.sessions} WHERE id_digest = ?`),
      revokeAll: db.prepare(`DELETE FROM ${q.sessions} WHERE account = ? AND id_digest <> ?`),
    };
  }
  return {
    async create(session: WebSession) {
      s().insert.run(
        digestSessionId(session.id),
        normalizeAccount(session.account),
        session.createdAt.getTime(),
        session.expiresAt.getTime(),
        JSON.stringify(session.data),
      );
    },
    async get(id, now) {
      const row = s().get.get(digestSessionId(id), now.getTime());
      if (row === undefined) return null;
      return {
        id,
        account: row.account,
        createdAt: new Date(row.created_at),
        expiresAt: new Date(row.expires_at),
        data: JSON.parse(row.data) as Record<string, string>,
      };
    },
    async revoke(id) {
      s().revoke.run(digestSessionId(id));
    },
    async revokeAll(account, opts = {}) {
      const keep = opts.exceptId ? digestSessionId(opts.exceptId) : '';
      return s().revokeAll.run(normalizeAccount(account), keep).changes;
    },
  };
}
