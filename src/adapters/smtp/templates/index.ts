/** @module The bundled notification mail templates by locale id. */
import type { LocaleId } from '../../../policy/locales/messages.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { NotificationTemplates } from './types.js';

/**
 * The notification mails of every bundled locale: English, German, French, Dutch and Spanish.
 *
 * @example
 * ```ts
 * notificationTemplates.de.password_changed(notification, { date: (d) => d.toISOString() }).subject;
 * // 'Ihr Passwort wurde geändert'
 * ```
 */
export const notificationTemplates: { readonly [L in LocaleId]: NotificationTemplates } = Object.freeze({
  en,
  de,
  fr,
  nl,
  es,
});
