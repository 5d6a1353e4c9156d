/** @module Port: the panel's own web sessions. */

/**
 * A web session of a panel or webmail.
 *
 * @example
 * ```ts
 * const now = new Date();
 * const session: WebSession = {
 *   id: sessionId,
 *   account: 'alice@example.org',
 *   createdAt: now,
 *   expiresAt: new Date(now.getTime() + 3_600_000),
 *   data: { csrf: csrfToken },
 * };
 * await sessions.create(session);
 * ```
 */
export interface WebSession {
  /** Opaque random id (the cookie value); adapters may store a digest of it. */
  readonly id: string;
  readonly account: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** Small non-secret app data (e.g. CSRF token, which app created it). */
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Stores web sessions. Adapters: memory, SQLite, PostgreSQL, Redis (shared by many panel instances).
 *
 * Guarantees (checked by `testSessionStore`): `get` never returns a revoked or expired session
 * (expired means `expiresAt <= now`); `revokeAll` removes every session of the account (case-insensitive) that exists when it starts,
 * except `exceptId`, and returns how many it removed; a session created after it returns survives.
 *
 * @example
 * ```ts
 * await sessions.create({ id, account: 'alice@example.org', createdAt: now, expiresAt, data: {} });
 * await sessions.revokeAll('alice@example.org', { exceptId: id });
 * ```
 */
export interface SessionStore {
  create(session: WebSession): Promise<void>;
  /** The live session, or `null` when unknown, revoked or expired at `now`. */
  get(id: string, now: Date): Promise<WebSession | null>;
  /** Revokes one session (idempotent). */
  revoke(id: string): Promise<void>;
  /** Revokes every session of `account`, except `exceptId`; returns the number revoked. */
  revokeAll(account: string, options?: { exceptId?: string | null }): Promise<number>;
}
