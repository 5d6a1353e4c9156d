/** @module SessionRevoker over a connect-style session store (express-session, @fastify/session, connect-pg-simple…). */

import { sessionIdDigest } from '../ports/session-digest.js';
import type { SessionRevoker } from '../ports/session-revoker.js';

/**
 * The part of the express-session `Store` API the revoker uses (callback style, as express-session,
 * connect-redis, connect-pg-simple and @fastify/session's stores implement it). `all` answers a map
 * from session id to session, or an array of sessions each carrying its `id`.
 *
 * @example
 * ```ts
 * import session from 'express-session';
 * const store: ConnectSessionStore = new session.MemoryStore();
 * ```
 */
export interface ConnectSessionStore {
  all?(
    callback: (
      error: unknown,
      sessions?: Readonly<Record<string, unknown>> | readonly unknown[] | null,
    ) => void,
  ): void;
  destroy(sid: string, callback?: (error?: unknown) => void): void;
}

/**
 * Options of {@link connectSessionRevoker}.
 *
 * @example
 * ```ts
 * const options: ConnectSessionRevokerOptions = { store, accountOf: (s) => s.user?.email };
 * ```
 */
export interface ConnectSessionRevokerOptions {
  /** The framework's session store; it must implement `all` (see {@link ConnectSessionStore}). */
  readonly store: ConnectSessionStore;
  /** The account a stored session belongs to, or `undefined` (not logged in). Default: its `account` field. */
  readonly accountOf?: (session: Record<string, unknown>) => unknown;
  /** Outbox name. Default `framework-sessions`. */
  readonly name?: string;
}

function promised<T>(call: (callback: (error: unknown, value?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    call((error, value) => (error ? reject(error) : resolve(value)));
  });
}

function listed(sessions: Readonly<Record<string, unknown>> | readonly unknown[] | null | undefined) {
  if (!sessions) return [];
  if (Array.isArray(sessions)) {
    return sessions.map((s) => [String((s as { id?: unknown }).id ?? ''), s] as const);
  }
  return Object.entries(sessions);
}

/**
 * A {@link SessionRevoker} that destroys, in a framework's own session store, every session of the
 * account except the one whose id digest is `keepSessionDigest` ("log out other devices"; pass
 * `req.sessionID` as the flow's `sessionId`). Accounts compare case-insensitively. Idempotent.
 *
 * A store can only be swept this way when it lists its sessions (`all`); and a login that read the
 * old password may still save its session after the sweep. So keep the epoch check beside it: store
 * `verifyLogin`'s `sessionEpoch` in the framework session and, on each request, drop a session whose
 * epoch is below `sessions.epoch(account)` of the rotation's `SessionStore` (which the
 * `web-sessions` revoker raises). That check alone already ends every session; this revoker also
 * frees the stored ones at once.
 *
 * @throws TypeError when `store` has no `all` method.
 *
 * @example
 * ```ts
 * import session from 'express-session';
 * const store = new session.MemoryStore();
 * const rotation = createRotation({ store: credentials, sessions, hasher, policy, revokers: [connectSessionRevoker({ store })] });
 * ```
 */
export function connectSessionRevoker(options: ConnectSessionRevokerOptions): SessionRevoker {
  const { store } = options;
  const all = store.all;
  if (typeof all !== 'function') {
    throw new TypeError('connectSessionRevoker: the session store has no all() to list its sessions');
  }
  const accountOf = options.accountOf ?? ((session) => session.account);
  return {
    name: options.name ?? 'framework-sessions',
    async revoke({ account, keepSessionDigest }) {
      const wanted = account.toLowerCase();
      const sessions = listed(await promised((callback) => all.call(store, callback)));
      for (const [sid, session] of sessions) {
        const owner =
          session && typeof session === 'object' ? accountOf(session as Record<string, unknown>) : undefined;
        if (typeof owner !== 'string' || owner.toLowerCase() !== wanted || sid === '') continue;
        if (keepSessionDigest !== null && (await sessionIdDigest(sid)) === keepSessionDigest) continue;
        await promised((callback) => store.destroy(sid, callback));
      }
    },
  };
}
