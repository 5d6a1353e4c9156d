/** @module In-memory SessionStore, for tests, demos and single-process panels. */
import { sessionIdDigest } from '../../ports/session-digest.js';
import type { SessionStore, WebSession } from '../../ports/session-store.js';

/**
 * Creates an in-memory {@link SessionStore}. Accounts are compared lower-cased. `revokeAll` runs
 * without an `await` between raising the epoch and removing sessions, so it is atomic in one process.
 *
 * @example
 * ```ts
 * const sessions = memorySessionStore();
 * const epoch = await sessions.epoch('alice@example.org');
 * await sessions.create({ id: 's1', account: 'alice@example.org', createdAt: now, expiresAt, epoch, data: {} });
 * await sessions.revokeAll('alice@example.org'); // 1
 * ```
 */
export function memorySessionStore(): SessionStore {
  /** Sessions by the digest of their id. */
  const sessions = new Map<string, WebSession>();
  const epochs = new Map<string, number>();
  const epochOf = (account: string): number => epochs.get(account.toLowerCase()) ?? 0;
  const copy = (s: WebSession): WebSession =>
    Object.freeze({
      ...s,
      createdAt: new Date(s.createdAt),
      expiresAt: new Date(s.expiresAt),
      data: Object.freeze({ ...s.data }),
    });
  return {
    async create(session) {
      sessions.set(await sessionIdDigest(session.id), copy(session));
    },
    async get(id, now) {
      const digest = await sessionIdDigest(id);
      const session = sessions.get(digest);
      if (!session) return null;
      if (session.expiresAt.getTime() <= now.getTime() || session.epoch < epochOf(session.account)) {
        sessions.delete(digest);
        return null;
      }
      return copy(session);
    },
    async revoke(id) {
      sessions.delete(await sessionIdDigest(id));
    },
    async epoch(account) {
      return epochOf(account);
    },
    async revokeAll(account, { exceptDigest = null } = {}) {
      const wanted = account.toLowerCase();
      const previous = epochOf(wanted);
      epochs.set(wanted, previous + 1);
      let removed = 0;
      for (const [digest, session] of sessions) {
        if (session.account.toLowerCase() !== wanted) continue;
        if (digest === exceptDigest && session.epoch >= previous) {
          sessions.set(digest, { ...session, epoch: previous + 1 });
        } else {
          sessions.delete(digest);
          removed++;
        }
      }
      return removed;
    },
  };
}
