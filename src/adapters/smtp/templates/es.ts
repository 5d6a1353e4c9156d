/** @module Spanish notification mails. */
import type { NotificationTemplates } from './types.js';

const notYou = 'Si no ha sido usted, póngase en contacto con su administrador de inmediato.';

/**
 * Spanish (`es`).
 *
 * @example
 * ```ts
 * es.password_changed({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' }, { date: String }).subject;
 * ```
 */
export const es: NotificationTemplates = {
  password_changed: (n, f) => ({
    subject: 'Su contraseña ha sido cambiada',
    text: `Hola:\n\nla contraseña de ${n.account} se cambió el ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
  password_set_by_admin: (n, f) => ({
    subject: 'Un administrador ha restablecido su contraseña',
    text: `Hola:\n\nun administrador (${n.actor}) estableció una nueva contraseña para ${n.account} el ${f.date(n.at)}.\nSu administrador le comunicará la nueva contraseña; puede que tenga que cambiarla en su próximo inicio de sesión.\n\n${notYou}\n`,
  }),
  password_expired: (n, f) => ({
    subject: 'Su contraseña ha caducado',
    text: `Hola:\n\nla contraseña de ${n.account} caducó el ${f.date(n.at)}. Pida una nueva a su administrador.\n`,
  }),
  password_expiring: (n, f) => ({
    subject: 'Su contraseña caduca pronto',
    text: `Hola:\n\nla contraseña de ${n.account} caduca el ${f.date(n.expiresAt)}.\nCámbiela antes de esa fecha en la configuración de su cuenta.\n`,
  }),
  password_reset_requested: (n, f) => ({
    subject: 'Restablezca su contraseña',
    text: `Hola:\n\nel ${f.date(n.at)} se solicitó restablecer la contraseña de ${n.account}.\nPara elegir una nueva contraseña, abra este enlace antes del ${f.date(n.expiresAt)}:\n\n${n.url}\n\nSi no lo ha solicitado, ignore este mensaje: su contraseña no cambia.\n`,
  }),
  app_password_created: (n, f) => ({
    subject: 'Se ha creado una nueva contraseña de aplicación',
    text: `Hola:\n\nse creó una contraseña de aplicación llamada «${n.label}» para ${n.account} el ${f.date(n.at)}.\n\n${notYou}\n`,
  }),
};
