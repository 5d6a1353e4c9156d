/** @module Port: anything that must be cut off when a password changes (sessions, IMAP, caches). */

/** What to revoke. */
export interface RevocationRequest {
  readonly account: string;
  /** Web session to keep (the "log out other devices" choice), or `null` for all. */
  readonly keepSessionId: string | null;
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
 *   revoke: async ({ account, keepSessionId }) => { await sessions.revokeAll(account, { exceptId: keepSessionId }); },
 * };
 * ```
 */
export interface SessionRevoker {
  /** Stable name, recorded in the outbox; unique among the revokers of one rotation setup. */
  readonly name: string;
  /** Revokes; resolves when done, rejects on failure (to be retried). Idempotent. */
  revoke(request: RevocationRequest): Promise<void>;
}
