/** @module A Notifier that mails the owner through SMTP (nodemailer, an optional peer). */
import { PassrotateError } from '../../errors.js';
import type { LocaleId } from '../../policy/locales/messages.js';
import type { Notifier, PasswordNotification } from '../../ports/notifier.js';
import { assertBareAddress, assertSingleLine } from './header-safety.js';
import { notificationTemplates } from './templates/index.js';
import type { NotificationMessage, NotificationTemplate, NotificationTemplates } from './templates/types.js';

/**
 * The mail handed to the transport (a subset of nodemailer's message options).
 *
 * @example
 * ```ts
 * const mail: SmtpMail = { from: { name: 'Mail', address: 'no-reply@example.org' }, to: 'alice@example.org', subject: 's', text: 't', headers: {} };
 * ```
 */
export interface SmtpMail {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly disableFileAccess: true;
  readonly disableUrlAccess: true;
}

/**
 * What sends the mail: a nodemailer transport (`createTransport(…)`) or anything with its `sendMail`.
 *
 * @example
 * ```ts
 * import { createTransport } from 'nodemailer';
 * const transport: SmtpTransport = createTransport('smtp://127.0.0.1:25');
 * ```
 */
export interface SmtpTransport {
  sendMail(mail: SmtpMail): Promise<unknown>;
  close?(): void;
}

/**
 * Where to send: an injected transport, or nodemailer transport options / an `smtp://` URL.
 *
 * @example
 * ```ts
 * const where: SmtpTransportOption = { smtp: 'smtp://127.0.0.1:25' };
 * ```
 */
export type SmtpTransportOption =
  | { readonly transport: SmtpTransport; readonly smtp?: never }
  | { readonly smtp: string | Readonly<Record<string, unknown>>; readonly transport?: never };

/**
 * Which language each mail is in: one `locale` (default `en`), or `localeOf(account)` per owner.
 *
 * @example
 * ```ts
 * const language: SmtpLocaleOption = { localeOf: (account) => (account.endsWith('.de') ? 'de' : 'en') };
 * ```
 */
export type SmtpLocaleOption =
  | { readonly locale?: LocaleId; readonly localeOf?: never }
  | { readonly localeOf: (account: string) => LocaleId | Promise<LocaleId>; readonly locale?: never };

/**
 * Options of {@link smtpNotifier}.
 *
 * @example
 * ```ts
 * const options: SmtpNotifierOptions = { smtp: 'smtp://127.0.0.1:25', from: 'Mail service <no-reply@example.org>' };
 * ```
 */
export type SmtpNotifierOptions = SmtpTransportOption &
  SmtpLocaleOption & {
    /** `Name <address>`, a bare address, or `{ name, address }`. A line break anywhere throws. */
    readonly from: string | { readonly name: string; readonly address: string };
    /**
     * The mailbox to write to. Default: the account itself. A `password_reset_requested`
     * notification with a `recipient` (the recovery address) goes there instead.
     */
    readonly recipientOf?: (account: string) => string | Promise<string>;
    /** Replaces the bundled templates; each locale must cover every kind. Default {@link notificationTemplates}. */
    readonly templates?: { readonly [L in LocaleId]: NotificationTemplates };
    /** IANA time zone of the dates in the mails. Default `UTC`. */
    readonly timeZone?: string;
  };

/**
 * A {@link Notifier} that mails; `close()` ends the transport it created (not an injected one).
 *
 * @example
 * ```ts
 * const notifier: SmtpNotifier = smtpNotifier({ smtp: 'smtp://127.0.0.1:25', from: 'no-reply@example.org' });
 * notifier.close();
 * ```
 */
export interface SmtpNotifier extends Notifier {
  close(): void;
}

interface NodemailerModule {
  createTransport(options: string | Readonly<Record<string, unknown>>): SmtpTransport;
}

// A variable specifier: nodemailer ships no types, and the bundler must leave it external.
const NODEMAILER = 'nodemailer';

async function loadNodemailer(): Promise<NodemailerModule> {
  try {
    const loaded = (await import(NODEMAILER)) as NodemailerModule & { default?: NodemailerModule };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new PassrotateError(
      'missing_dependency',
      'smtpNotifier needs the nodemailer package: npm install nodemailer@10',
      {
        cause: error,
      },
    );
  }
}

function parseFrom(from: SmtpNotifierOptions['from']): { name: string; address: string } {
  if (typeof from !== 'string') {
    assertSingleLine(from.name, 'from.name');
    assertSingleLine(from.address, 'from.address');
    assertBareAddress(from.address, 'from.address');
    return { name: from.name, address: from.address };
  }
  assertSingleLine(from, 'from');
  const named = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  const name = named ? (named[1] ?? '').replace(/^"(.*)"$/, '$1') : '';
  const address = named ? (named[2] ?? '') : from.trim();
  assertBareAddress(address, 'from address');
  return { name, address };
}

function render(
  templates: NotificationTemplates,
  notification: PasswordNotification,
  formatDate: (value: Date) => string,
): NotificationMessage {
  // The mapped type pairs each kind with its template; TypeScript cannot correlate the two here.
  const template = templates[notification.kind] as NotificationTemplate<typeof notification.kind>;
  return template(notification as never, { date: formatDate });
}

/**
 * Creates a {@link Notifier} that sends each notification as a plain-text mail in the owner's
 * locale: password changed, set by an admin, expired, expiring soon, reset requested (with its
 * link, to its `recipient` and in its `locale` when set) and app password created. No template receives a password. The recipient must be one bare
 * address and no header value may hold a line break, so an account name cannot inject headers.
 * A send failure rejects; the rotation flows audit it as `notification_failed` and keep the change.
 *
 * @throws TypeError when `from` holds a line break; `PassrotateError` `missing_dependency` on the
 * first send when nodemailer is needed but not installed.
 *
 * @example
 * ```ts
 * import { smtpNotifier } from 'passrotate/adapters/smtp';
 * const notifier = smtpNotifier({
 *   smtp: 'smtp://127.0.0.1:25',
 *   from: 'Mail service <no-reply@example.org>',
 *   localeOf: async (account) => (account.endsWith('.de') ? 'de' : 'en'),
 * });
 * await changeOwnPassword({ ...deps, notifier }, input);
 * ```
 */
export function smtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const from = parseFrom(options.from);
  const templates = options.templates ?? notificationTemplates;
  const timeZone = options.timeZone ?? 'UTC';
  const formatters = new Map<LocaleId, Intl.DateTimeFormat>();
  const formatterFor = (locale: LocaleId): Intl.DateTimeFormat => {
    let formatter = formatters.get(locale);
    if (!formatter) {
      // `long` time style names the zone ("12:00:00 UTC").
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone });
      formatters.set(locale, formatter);
    }
    return formatter;
  };
  let created: Promise<SmtpTransport> | undefined;
  const transport = (): Promise<SmtpTransport> => {
    if (options.transport) return Promise.resolve(options.transport);
    const smtp = options.smtp;
    created ??= loadNodemailer().then((nodemailer) => nodemailer.createTransport(smtp));
    created.catch(() => {
      created = undefined;
    });
    return created;
  };
  return {
    async notify(notification) {
      const reset = notification.kind === 'password_reset_requested' ? notification : null;
      const locale =
        reset?.locale ??
        (options.localeOf ? await options.localeOf(notification.account) : (options.locale ?? 'en'));
      const localized = templates[locale];
      if (!localized)
        throw new PassrotateError('unknown_locale', `smtpNotifier: no templates for locale ${locale}`);
      const to =
        reset?.recipient ??
        (options.recipientOf ? await options.recipientOf(notification.account) : notification.account);
      assertBareAddress(to, 'recipient');
      const formatter = formatterFor(locale);
      const message = render(localized, notification, (value) => formatter.format(value));
      assertSingleLine(message.subject, 'the subject');
      await (await transport()).sendMail({
        from,
        to,
        subject: message.subject,
        text: message.text,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': locale },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close() {
      if (options.transport) return;
      void created?.then((t) => t.close?.()).catch(() => undefined);
      created = undefined;
    },
  };
}
