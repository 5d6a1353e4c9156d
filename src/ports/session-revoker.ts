/** @module Port: anything that must be cut off when a password changes (sessions, IMAP, caches). */

/**
 * What to revoke.
 *
 * @example
 * ```ts
 * const request: RevocationRequest = {
 *   account: 'alice@example.org',
 *   keepSessionDigest: await sessionIdDigest(currentSessionId),
 * };
 * await webSessions.revoke(request);
 * ```
 */
export interface RevocationRequest {
  readonly account: string;
  /**
   * SHA-256 digest (`sessionIdDigest`) of the web session to keep (the "log out other devices"
   * choice), or `null` for all. Never the id itself: the outbox that replays requests keeps no
   * usable cookie. Only web-session revokers can honour it; others (IMAP kick, auth-cache flush)
   * ignore it.
   */
  readonly keepSessionDigest: string | null;
}

/**
 * Cuts off one kind of access: web sessions, live IMAP/POP connections (doveadm kick), the mail
 * server's auth cache, app passwords. Rotation writes one outbox row per revoker (by `name`) with
 * the password change, then runs them; a revoker that throws is retried later by
 * `resumePendingRevocations`. So `revoke` must be idempotent.
 *
 * @example
 * ```ts
 * const webSessions: SessionRevoker = {
 *   name: 'web-sessions',
 *   revoke: async ({ account, keepSessionDigest }) => {
 *     await sessions.revokeAll(account, { exceptDigest: keepSessionDigest });
 *   },
 * };
 * ```
 */
export interface SessionRevoker {
  /** Stable name, recorded in the outbox; unique among the revokers of one rotation setup. */
  readonly name: string;
  /**
   * `true` for a revoker that must run on every password change, even when the caller chose
   * `revoke: 'none'` — e.g. flushing the mail server's auth cache, without which the old password
   * keeps working. Give such work its own revoker, apart from session kicks. Default `false`.
   */
  readonly alwaysRun?: boolean;
  /** Revokes; resolves when done, rejects on failure (to be retried). Idempotent. */
  revoke(request: RevocationRequest): Promise<void>;
}
