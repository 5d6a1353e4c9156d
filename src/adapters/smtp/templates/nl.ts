/** @module Dutch notification mails. */
import type { NotificationTemplates } from './types.js';

const notYou = 'Was u dit niet, neem dan meteen contact op met uw beheerder.';

/**
 * Dutch (`nl`).
 *
 * @example
 * ```ts
 * nl.password_changed({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' }, { date: String }).subject;
 * ```
 */
export const nl: NotificationTemplates = {
  password_changed: (n, f) => ({
    subject: 'Uw wachtwoord is gewijzigd',
    text: `Hallo,\n\nhet wachtwoord van ${n.account} is gewijzigd op ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
  password_set_by_admin: (n, f) => ({
    subject: 'Uw wachtwoord is opnieuw ingesteld door een beheerder',
    text: `Hallo,\n\neen beheerder (${n.actor}) heeft op ${f.date(n.at)} een nieuw wachtwoord ingesteld voor ${n.account}.\nUw beheerder geeft u het nieuwe wachtwoord; mogelijk moet u het bij de volgende aanmelding wijzigen.\n\n${notYou}\n`,
  }),
  password_expired: (n, f) => ({
    subject: 'Uw wachtwoord is verlopen',
    text: `Hallo,\n\nhet wachtwoord van ${n.account} is verlopen op ${f.date(n.at)}. Vraag uw beheerder om een nieuw wachtwoord.\n`,
  }),
  password_expiring: (n, f) => ({
    subject: 'Uw wachtwoord verloopt binnenkort',
    text: `Hallo,\n\nhet wachtwoord van ${n.account} verloopt op ${f.date(n.expiresAt)}.\nWijzig het vóór die datum in uw accountinstellingen.\n`,
  }),
  password_reset_requested: (n, f) => ({
    subject: 'Stel uw wachtwoord opnieuw in',
    text: `Hallo,\n\nop ${f.date(n.at)} is gevraagd het wachtwoord van ${n.account} opnieuw in te stellen.\nOpen deze link vóór ${f.date(n.expiresAt)} om een nieuw wachtwoord te kiezen:\n\n${n.url}\n\nHeeft u hier niet om gevraagd, negeer dan dit bericht: uw wachtwoord blijft ongewijzigd.\n`,
  }),
  app_password_created: (n, f) => ({
    subject: 'Er is een nieuw app-wachtwoord aangemaakt',
    text: `Hallo,\n\ner is op ${f.date(n.at)} een app-wachtwoord met de naam "${n.label}" aangemaakt voor ${n.account}.\n\n${notYou}\n`,
  }),
};
