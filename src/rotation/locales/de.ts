/** @module German refusal messages. */
import type { RefusalMessages } from './messages.js';

/**
 * German (`de`).
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'conflict' }, { locale: 'de' });
 * ```
 */
export const de: RefusalMessages = {
  invalid_current_password: () => 'Das aktuelle Passwort ist nicht korrekt.',
  confirmation_mismatch: () => 'Das neue Passwort und seine Bestätigung stimmen nicht überein.',
  policy_violation: (r, h) => `Das neue Passwort erfüllt nicht alle Anforderungen: ${h.violations(r)}`,
  rate_limited: (r, h) =>
    `Zu viele Versuche. Bitte versuchen Sie es in ${h.duration(r.retryAfterMs)} erneut.`,
  conflict: () =>
    'Das Passwort wurde im selben Moment an anderer Stelle geändert. Bitte versuchen Sie es erneut.',
  not_found: () => 'Dieses Postfach existiert nicht.',
  forbidden: () => 'Sie dürfen dieses Passwort nicht ändern.',
  password_expired: () =>
    'Dieses Passwort ist abgelaufen. Bitte fragen Sie Ihren Administrator nach einem neuen.',
  storage_failure: () =>
    'Der Passwortdienst ist nicht erreichbar; es wurde nichts geändert. Bitte versuchen Sie es später erneut.',
  invalid_credentials: () => 'E-Mail-Adresse oder Passwort ist falsch.',
  inactive: () => 'Dieses Postfach ist deaktiviert.',
  failed: (r) => `Das Passwort von ${r.account} konnte nicht gesetzt werden (${r.reason}).`,
  invalid_token: () =>
    'Dieser Link zum Zurücksetzen ist nicht mehr gültig (benutzt, abgelaufen oder ersetzt). Bitte fordern Sie einen neuen an.',
};
