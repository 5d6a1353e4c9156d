/** @module Port: tells the mailbox owner that their password changed. */

/**
 * A message to the owner; it never includes the password.
 *
 * @example
 * ```ts
 * const notification: PasswordNotification = {
 *   kind: 'password_set_by_admin',
 *   account: 'alice@example.org',
 *   at: new Date(),
 *   actor: 'admin',
 * };
 * await notifier.notify(notification);
 * ```
 */
export interface PasswordNotification {
  readonly kind: 'password_changed' | 'password_set_by_admin' | 'password_expired';
  readonly account: string;
  readonly at: Date;
  /** `self`, or the admin who acted. */
  readonly actor: string;
}

/**
 * Delivers notifications (mail, webhook…). A failure is audited, not fatal to the change.
 *
 * @example
 * ```ts
 * const notifier: Notifier = { notify: async (n) => { await sendMail(n.account, 'Your password changed'); } };
 * ```
 */
export interface Notifier {
  notify(notification: PasswordNotification): Promise<void>;
}
