/** @module German notification mails. */
import type { NotificationTemplates } from './types.js';

const notYou = 'Falls Sie das nicht waren, wenden Sie sich sofort an Ihren Administrator.';

/**
 * German (`de`).
 *
 * @example
 * ```ts
 * de.password_changed({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' }, { date: String }).subject;
 * ```
 */
export const de: NotificationTemplates = {
  password_changed: (n, f) => ({
    subject: 'Ihr Passwort wurde geändert',
    text: `Guten Tag,\n\ndas Passwort von ${n.account} wurde am ${f.date(n.at)} geändert.\n\n${notYou}\n`,
  }),
  password_set_by_admin: (n, f) => ({
    subject: 'Ihr Passwort wurde von einem Administrator zurückgesetzt',
    text: `Guten Tag,\n\nein Administrator (${n.actor}) hat am ${f.date(n.at)} ein neues Passwort für ${n.account} gesetzt.\nIhr Administrator teilt Ihnen das neue Passwort mit; eventuell müssen Sie es bei der nächsten Anmeldung ändern.\n\n${notYou}\n`,
  }),
  password_expired: (n, f) => ({
    subject: 'Ihr Passwort ist abgelaufen',
    text: `Guten Tag,\n\ndas Passwort von ${n.account} ist am ${f.date(n.at)} abgelaufen. Bitte fragen Sie Ihren Administrator nach einem neuen.\n`,
  }),
  password_expiring: (n, f) => ({
    subject: 'Ihr Passwort läuft bald ab',
    text: `Guten Tag,\n\ndas Passwort von ${n.account} läuft am ${f.date(n.expiresAt)} ab.\nBitte ändern Sie es vorher in Ihren Kontoeinstellungen.\n`,
  }),
  password_reset_requested: (n, f) => ({
    subject: 'Passwort zurücksetzen',
    text: `Guten Tag,\n\nam ${f.date(n.at)} wurde das Zurücksetzen des Passworts von ${n.account} angefordert.\nUm ein neues Passwort zu wählen, öffnen Sie diesen Link vor dem ${f.date(n.expiresAt)}:\n\n${n.url}\n\nFalls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.\n`,
  }),
  app_password_created: (n, f) => ({
    subject: 'Ein neues App-Passwort wurde erstellt',
    text: `Guten Tag,\n\nam ${f.date(n.at)} wurde für ${n.account} ein App-Passwort namens „${n.label}“ erstellt.\n\n${notYou}\n`,
  }),
};
