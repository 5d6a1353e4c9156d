/** @module Port: the panel's own web sessions. */

/**
 * A web session of a panel or webmail.
 *
 * @example
 * ```ts
 * const login = await verifyLogin({ ...deps, sessions }, { account, password });
 * if (login.ok && login.sessionEpoch !== null) {
 *   const now = new Date();
 *   const session: WebSession = {
 *     id: sessionId,
 *     account: login.account,
 *     createdAt: now,
 *     expiresAt: new Date(now.getTime() + 3_600_000),
 *     epoch: login.sessionEpoch,
 *     data: { csrf: csrfToken },
 *   };
 *   await sessions.create(session);
 * }
 * ```
 */
export interface WebSession {
  /** Opaque random id (the cookie value); adapters may store a digest of it. */
  readonly id: string;
  readonly account: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /**
   * The account's session epoch ({@link SessionStore.epoch}) read *before* the password that opens
   * this session was read from the credential store — `verifyLogin` returns it as `sessionEpoch`.
   * A `revokeAll` that starts after that read raises the account's epoch above it, so the session
   * is dead whether it is created before or after that `revokeAll`.
   */
  readonly epoch: number;
  /** Small non-secret app data (e.g. CSRF token, which app created it). */
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Stores web sessions. Adapters: memory, SQLite, PostgreSQL, MySQL/MariaDB, Redis (shared by many
 * panel instances).
 *
 * Every account has a session epoch, a counter that starts at 0 and only grows. Guarantees
 * (checked by `testSessionStore`, with racing callers):
 * - `get` never returns a revoked or expired session (expired means `expiresAt <= now`), nor one
 *   whose `epoch` is below its account's current epoch.
 * - `revokeAll` atomically raises the account's epoch (accounts compared case-insensitively) by
 *   one and removes every session of the account stored when it runs, except the session whose id
 *   digest is `exceptDigest`: that one, if still live, is moved to the new epoch and survives. It
 *   returns how many sessions it removed.
 * - Hence no session outlives a `revokeAll` it raced: once `revokeAll` has returned, `get` refuses
 *   every session created with an epoch read before `revokeAll` started, whenever that session was
 *   created — before, during or after the `revokeAll`. A session created with an epoch read after
 *   `revokeAll` returned survives it.
 *
 * @example
 * ```ts
 * const epoch = await sessions.epoch('alice@example.org'); // before reading the password hash
 * await sessions.create({ id, account: 'alice@example.org', createdAt: now, expiresAt, epoch, data: {} });
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(id) });
 * ```
 */
export interface SessionStore {
  create(session: WebSession): Promise<void>;
  /** The live session, or `null` when unknown, revoked, expired at `now`, or below its account's epoch. */
  get(id: string, now: Date): Promise<WebSession | null>;
  /** Revokes one session (idempotent). */
  revoke(id: string): Promise<void>;
  /** The account's current session epoch: 0 until its first `revokeAll`, then one more per call. */
  epoch(account: string): Promise<number>;
  /**
   * Raises the account's epoch and revokes every session of `account` except the one whose id has
   * the SHA-256 digest `exceptDigest` (see `sessionIdDigest`); returns the number revoked.
   */
  revokeAll(account: string, options?: { exceptDigest?: string | null }): Promise<number>;
}
