/** @module The shape of notification mail templates: a subject and a plain-text body per kind. */
import type { PasswordNotification, PasswordNotificationKind } from '../../../ports/notifier.js';

/**
 * One rendered mail: a one-line subject and a plain-text body.
 *
 * @example
 * ```ts
 * const message: NotificationMessage = { subject: 'Your password was changed', text: 'Hello…' };
 * ```
 */
export interface NotificationMessage {
  readonly subject: string;
  readonly text: string;
}

/**
 * Locale-aware formatting handed to every template.
 *
 * @example
 * ```ts
 * const template: NotificationTemplate<'password_changed'> = (n, f) => ({ subject: 'Changed', text: f.date(n.at) });
 * ```
 */
export interface TemplateFormatting {
  /** A date and time in the mail's locale and the notifier's time zone. */
  date(value: Date): string;
}

/**
 * Renders one kind of notification. Only `password_reset_requested` may put a secret (its `url`)
 * in the body; no template ever receives a password.
 *
 * @example
 * ```ts
 * const changed: NotificationTemplate<'password_changed'> = (n, f) => ({
 *   subject: 'Your password was changed',
 *   text: `The password of ${n.account} was changed on ${f.date(n.at)}.`,
 * });
 * ```
 */
export type NotificationTemplate<K extends PasswordNotificationKind> = (
  notification: Extract<PasswordNotification, { readonly kind: K }>,
  format: TemplateFormatting,
) => NotificationMessage;

/**
 * A template for every notification kind (the type refuses a catalogue missing one).
 *
 * @example
 * ```ts
 * const mine: NotificationTemplates = { ...notificationTemplates.en, password_changed: changed };
 * ```
 */
export type NotificationTemplates = { readonly [K in PasswordNotificationKind]: NotificationTemplate<K> };
