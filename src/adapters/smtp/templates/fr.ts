/** @module French notification mails. */
import type { NotificationTemplates } from './types.js';

const notYou =
  "Si vous n'êtes pas à l'origine de cette action, contactez immédiatement votre administrateur.";

/**
 * French (`fr`).
 *
 * @example
 * ```ts
 * fr.password_changed({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' }, { date: String }).subject;
 * ```
 */
export const fr: NotificationTemplates = {
  password_changed: (n, f) => ({
    subject: 'Votre mot de passe a été modifié',
    text: `Bonjour,\n\nle mot de passe de ${n.account} a été modifié le ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
  password_set_by_admin: (n, f) => ({
    subject: 'Votre mot de passe a été réinitialisé par un administrateur',
    text: `Bonjour,\n\nun administrateur (${n.actor}) a défini un nouveau mot de passe pour ${n.account} le ${f.date(n.at)}.\nVotre administrateur vous communique le nouveau mot de passe ; vous devrez peut-être le changer à votre prochaine connexion.\n\n${notYou}\n`,
  }),
  password_expired: (n, f) => ({
    subject: 'Votre mot de passe a expiré',
    text: `Bonjour,\n\nle mot de passe de ${n.account} a expiré le ${f.date(n.at)}. Demandez-en un nouveau à votre administrateur.\n`,
  }),
  password_expiring: (n, f) => ({
    subject: 'Votre mot de passe expire bientôt',
    text: `Bonjour,\n\nle mot de passe de ${n.account} expire le ${f.date(n.expiresAt)}.\nChangez-le avant cette date dans les paramètres de votre compte.\n`,
  }),
  password_reset_requested: (n, f) => ({
    subject: 'Réinitialisez votre mot de passe',
    text: `Bonjour,\n\nune réinitialisation du mot de passe de ${n.account} a été demandée le ${f.date(n.at)}.\nPour choisir un nouveau mot de passe, ouvrez ce lien avant le ${f.date(n.expiresAt)} :\n\n${n.url}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n`,
  }),
  app_password_created: (n, f) => ({
    subject: "Un nouveau mot de passe d'application a été créé",
    text: `Bonjour,\n\nun mot de passe d'application nommé « ${n.label} » a été créé pour ${n.account} le ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
};
