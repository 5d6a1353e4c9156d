/** @module Port: the audit trail of password events. */

/**
 * Event types the flows emit.
 *
 * @example
 * ```ts
 * const type: AuditEventType = 'password_changed';
 * ```
 */
export type AuditEventType =
  | 'password_changed'
  | 'password_change_refused'
  | 'password_set_by_admin'
  | 'password_expired'
  | 'login_succeeded'
  | 'login_refused'
  | 'password_rehashed'
  | 'sessions_revoked'
  | 'revocation_failed'
  | 'notification_failed'
  | 'app_password_created'
  | 'app_password_revoked'
  | 'password_reset_requested'
  | 'password_reset_refused'
  | 'password_reset_completed'
  | 'expiry_reminder_sent';

/**
 * One audit event. Never holds a password, a hash or a session id: only who, what, when and the
 * outcome code.
 *
 * @example
 * ```ts
 * const event: AuditEvent = {
 *   type: 'password_change_refused',
 *   account: 'alice@example.org',
 *   actor: 'alice@example.org',
 *   at: new Date(),
 *   outcome: 'policy_violation',
 *   details: { violations: ['too_short'] },
 * };
 * await sink.record(event);
 * ```
 */
export interface AuditEvent {
  readonly type: AuditEventType;
  readonly account: string;
  /** Who acted: the owner's address, an admin's name, or `system`. */
  readonly actor: string;
  readonly at: Date;
  /** Stable outcome code, e.g. `ok`, `invalid_current_password`, `policy_violation`. */
  readonly outcome: string;
  /** Extra non-secret data: violation codes, revoker names, counts, client address. */
  readonly details?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/**
 * Receives audit events. Should not throw; if it does, the flow's outcome stands regardless.
 *
 * @example
 * ```ts
 * const sink: AuditSink = {
 *   record: async (event) => { log.info(event); },
 *   recordAll: async (events) => { for (const event of events) log.info(event); },
 * };
 * ```
 */
export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
  /**
   * Optional: records several events at once, in order (a database sink writes them with one
   * statement, one round trip). The flows pass the events one step emits together, e.g. a
   * password change and the web-session revocation its write carried out.
   */
  recordAll?(events: readonly AuditEvent[]): Promise<void>;
}
