/** @module passrotate/adapters/smtp */
// A Notifier that mails the mailbox owner through SMTP, with templates in five locales.
// nodemailer is an optional peer, imported on the first send (or inject any transport).

export {
  type SmtpLocaleOption,
  type SmtpMail,
  type SmtpNotifier,
  type SmtpNotifierOptions,
  type SmtpTransport,
  type SmtpTransportOption,
  smtpNotifier,
} from './smtp-notifier.js';
export { notificationTemplates } from './templates/index.js';
export type {
  NotificationMessage,
  NotificationTemplate,
  NotificationTemplates,
  TemplateFormatting,
} from './templates/types.js';
