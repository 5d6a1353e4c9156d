/** @module The CLI's mail settings (--smtp, --from, --locale) and the SMTP notifier they build. */
import type { Command } from 'commander';
import { type SmtpNotifier, smtpNotifier } from '../adapters/smtp/index.js';
import { PassrotateError } from '../errors.js';
import type { LocaleId } from '../policy/locales/messages.js';
import { oneOf } from './parse-options.js';

/**
 * The mail options of `remind` and `expire --due`.
 *
 * @example
 * ```ts
 * const options: SmtpCommandOptions = { smtp: 'smtp://127.0.0.1:25', from: 'no-reply@example.org' };
 * ```
 */
export interface SmtpCommandOptions {
  readonly smtp?: string;
  readonly from?: string;
  readonly locale?: LocaleId;
}

/** The environment variable that holds the SMTP password (never a flag or the URL, where `ps` shows it). */
export const SMTP_PASSWORD_VARIABLE = 'PASSROTATE_SMTP_PASSWORD';

/**
 * Parses `--smtp`: an `smtp://` (STARTTLS when offered) or `smtps://` (TLS) URL, optionally with
 * a user name. Parsed here rather than by commander, whose usage error would echo the value: a
 * password in the URL is refused without repeating it.
 *
 * @throws PassrotateError `invalid_smtp_options` for anything else.
 * @example
 * ```ts
 * parseSmtpUrl('smtp://mailer@127.0.0.1:587'); // URL
 * ```
 */
export function parseSmtpUrl(value: string): URL {
  const invalid = (why: string) => new PassrotateError('invalid_smtp_options', `--smtp ${why}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('must be a URL such as smtp://127.0.0.1:25');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw invalid('must start with smtp:// or smtps://');
  if (url.password !== '') throw invalid(`must not hold a password: set ${SMTP_PASSWORD_VARIABLE} instead`);
  return url;
}

/**
 * Adds `--smtp`, `--from` and `--locale` to `command`.
 *
 * @example
 * ```ts
 * addSmtpOptions(new Command('remind'));
 * ```
 */
export function addSmtpOptions(command: Command): Command {
  return command
    .option(
      '--smtp <url>',
      `mail server: smtp://[USER@]HOST[:PORT] or smtps://… (password from ${SMTP_PASSWORD_VARIABLE})`,
    )
    .option('--from <address>', 'sender of the mails, e.g. "Mail service <no-reply@example.org>"')
    .option(
      '--locale <locale>',
      'language of the mails',
      oneOf<LocaleId>(['en', 'de', 'fr', 'nl', 'es']),
      'en',
    );
}

/**
 * The notifier `--smtp` and `--from` describe, or `null` when `--smtp` is not given.
 *
 * @throws PassrotateError `invalid_smtp_options` when `--smtp` comes without `--from`, or a user
 *   without {@link SMTP_PASSWORD_VARIABLE}.
 * @example
 * ```ts
 * const notifier = cliNotifier(options, process.env);
 * ```
 */
export function cliNotifier(
  options: SmtpCommandOptions,
  env: Readonly<Record<string, string | undefined>>,
): SmtpNotifier | null {
  if (options.smtp === undefined) return null;
  const url = parseSmtpUrl(options.smtp);
  if (options.from === undefined) throw new PassrotateError('invalid_smtp_options', '--smtp needs --from');
  const user = decodeURIComponent(url.username);
  const password = env[SMTP_PASSWORD_VARIABLE];
  if (user !== '' && (password === undefined || password === '')) {
    throw new PassrotateError('invalid_smtp_options', `--smtp names a user: set ${SMTP_PASSWORD_VARIABLE}`);
  }
  const secure = url.protocol === 'smtps:';
  return smtpNotifier({
    smtp: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (secure ? 465 : 25) : Number(url.port),
      secure,
      ...(user === '' ? {} : { auth: { user, pass: password } }),
    },
    from: options.from,
    locale: options.locale ?? 'en',
  });
}
