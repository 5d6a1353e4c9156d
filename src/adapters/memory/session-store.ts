/** @module In-memory SessionStore, for tests, demos and single-process panels. */
import type { SessionStore, WebSession } from '../../ports/session-store.js';

/**
 * Creates an in-memory {@link SessionStore}. Accounts are compared lower-cased.
 *
 * @example
 * ```ts
 * const sessions = memorySessionStore();
 * await sessions.create({ id: 's1', account: 'alice@example.org', createdAt: now, expiresAt, data: {} });
 * await sessions.revokeAll('alice@example.org'); // 1
 * ```
 */
export function memorySessionStore(): SessionStore {
  const sessions = new Map<string, WebSession>();
  const copy = (s: WebSession): WebSession =>
    Object.freeze({
      ...s,
      createdAt: new Date(s.createdAt),
      expiresAt: new Date(s.expiresAt),
      data: Object.freeze({ ...s.data }),
    });
  return {
    async create(session) {
      sessions.set(session.id, copy(session));
    },
    async get(id, now) {
      const session = sessions.get(id);
      if (!session) return null;
      if (session.expiresAt.getTime() <= now.getTime()) {
        sessions.delete(id);
        return null;
      }
      return copy(session);
    },
    async revoke(id) {
      sessions.delete(id);
    },
    async revokeAll(account, { exceptId = null } = {}) {
      const wanted = account.toLowerCase();
      let removed = 0;
      for (const [id, session] of sessions) {
        if (id !== exceptId && session.account.toLowerCase() === wanted) {
          sessions.delete(id);
          removed++;
        }
      }
      return removed;
    },
  };
}
