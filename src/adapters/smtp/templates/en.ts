/** @module English notification mails. */
import type { NotificationTemplates } from './types.js';

const notYou = 'If this was not you, contact your administrator at once.';

/**
 * English (`en`).
 *
 * @example
 * ```ts
 * en.password_changed({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' }, { date: String }).subject;
 * ```
 */
export const en: NotificationTemplates = {
  password_changed: (n, f) => ({
    subject: 'Your password was changed',
    text: `Hello,\n\nthe password of ${n.account} was changed on ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
  password_set_by_admin: (n, f) => ({
    subject: 'Your password was reset by an administrator',
    text: `Hello,\n\nan administrator (${n.actor}) set a new password for ${n.account} on ${f.date(n.at)}.\nYour administrator gives you the new password; you may have to change it at your next login.\n\n${notYou}\n`,
  }),
  password_expired: (n, f) => ({
    subject: 'Your password has expired',
    text: `Hello,\n\nthe password of ${n.account} expired on ${f.date(n.at)}. Please ask your administrator for a new one.\n`,
  }),
  password_expiring: (n, f) => ({
    subject: 'Your password expires soon',
    text: `Hello,\n\nthe password of ${n.account} expires on ${f.date(n.expiresAt)}.\nPlease change it before then in your account settings.\n`,
  }),
  password_reset_requested: (n, f) => ({
    subject: 'Reset your password',
    text: `Hello,\n\na password reset was requested for ${n.account} on ${f.date(n.at)}.\nTo choose a new password, open this link before ${f.date(n.expiresAt)}:\n\n${n.url}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
  }),
  app_password_created: (n, f) => ({
    subject: 'A new app password was created',
    text: `Hello,\n\nan app password named "${n.label}" was created for ${n.account} on ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
};
