/** @module Port: tells the mailbox owner that something happened to their password. */
import type { LocaleId } from '../policy/locales/messages.js';

/**
 * Fields every notification carries.
 *
 * @example
 * ```ts
 * const base: PasswordNotificationBase = { account: 'alice@example.org', at: new Date(), actor: 'self' };
 * ```
 */
export interface PasswordNotificationBase {
  readonly account: string;
  readonly at: Date;
  /** `self`, `system`, or the admin who acted. */
  readonly actor: string;
}

/**
 * A message to the owner. It never includes a password; only `password_reset_requested` carries a
 * secret (the one-time reset link), because delivering that link is its whole purpose.
 *
 * - `password_changed`: the owner changed their own password.
 * - `password_set_by_admin`: an admin (or a bulk rotation) set a new password.
 * - `password_expired`: the password was expired and must be changed.
 * - `password_expiring`: the password expires at `expiresAt` unless changed before.
 * - `password_reset_requested`: someone asked to reset the password; `url` opens the reset form
 *   until `expiresAt`. It goes to `recipient` (the recovery address) when set: the owner who
 *   forgot the password cannot read the account's own mail.
 * - `app_password_created`: an app password named `label` was created for the mailbox.
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
export type PasswordNotification =
  | (PasswordNotificationBase & { readonly kind: 'password_changed' })
  | (PasswordNotificationBase & { readonly kind: 'password_set_by_admin' })
  | (PasswordNotificationBase & { readonly kind: 'password_expired' })
  | (PasswordNotificationBase & { readonly kind: 'password_expiring'; readonly expiresAt: Date })
  | (PasswordNotificationBase & {
      readonly kind: 'password_reset_requested';
      readonly url: string;
      readonly expiresAt: Date;
      /** Where to send it (the recovery address), instead of the account itself. */
      readonly recipient?: string;
      /** The language the requester used, for a notifier that localizes. */
      readonly locale?: LocaleId;
    })
  | (PasswordNotificationBase & { readonly kind: 'app_password_created'; readonly label: string });

/**
 * Every notification kind, e.g. `password_changed`.
 *
 * @example
 * ```ts
 * const kind: PasswordNotificationKind = 'password_expiring';
 * ```
 */
export type PasswordNotificationKind = PasswordNotification['kind'];

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
