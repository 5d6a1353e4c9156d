/**
 * @module Sign-in and sign-out of the mailbox owner's apps (webmail, user panel): `verifyLogin`
 * with per-account and per-client throttling, one vague message, a fresh session id at login, and a
 * forced trip to the password form when the password must change.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { verifyLogin } from '../../src/index.js';
import { type AppEnv, clientAddress, formField, sendPage } from './app-base.js';
import { renderSignIn } from './chrome.js';
import { setFlash, takeFlash } from './flash.js';
import type { SafeHtml } from './html.js';
import type { Notice } from './layout.js';
import type { Translate } from './messages/index.js';
import type { ExampleServices } from './services.js';
import { endSession, type SessionConfig, startSession } from './session.js';

/** How one mailbox app signs users in. */
export interface MailboxAuthConfig {
  readonly session: SessionConfig;
  readonly appClass: string;
  readonly brand: (t: Translate) => SafeHtml;
  /** Where a session whose password must change is sent (with `passwordSubmitPath`, the only pages it may open). */
  readonly passwordPath: string;
  /** Where the password form posts, when not to `passwordPath`. */
  readonly passwordSubmitPath?: string;
  /** The app's public origin (reset links are built from it), or `undefined` while unknown. */
  readonly publicOrigin?: () => string | undefined;
}

/**
 * The longest account string taken from the sign-in form (RFC 5321's 64 + 1 + 255, rounded): a
 * longer one is cut before it reaches the limiter keys and the audit trail.
 */
export const MAX_ACCOUNT_LENGTH = 320;

function signInPage(
  t: Translate,
  config: MailboxAuthConfig,
  csrfToken: string,
  notice: Notice | null,
  identifier: string,
): SafeHtml {
  return renderSignIn({
    t,
    brand: config.brand(t),
    csrfToken,
    notice,
    identifierLabel: t('emailAddress'),
    identifierType: 'email',
    identifier,
    forgotHref: '/forgot',
  });
}

/**
 * Adds `GET/POST /login` and `POST /logout`.
 *
 * @example
 * ```ts
 * mountMailboxAuth(app, services, { session, appClass: 'app-webmail', brand: webmailBrand, passwordPath: '/account' });
 * ```
 */
export function mountMailboxAuth(
  app: Hono<AppEnv>,
  services: ExampleServices,
  config: MailboxAuthConfig,
): void {
  app.get('/login', (c) => {
    const t = c.get('t');
    if (c.get('session')) return c.redirect('/');
    const notice = takeFlash(c, config.session.cookieName, t);
    return sendPage(c, config.appClass, t('signIn'), signInPage(t, config, c.get('csrfToken'), notice, ''));
  });

  app.post('/login', async (c) => {
    const t = c.get('t');
    const account = (await formField(c, 'username')).trim().toLowerCase().slice(0, MAX_ACCOUNT_LENGTH);
    const password = await formField(c, 'password');
    const result = await verifyLogin(services.rotation, { account, password, clientKey: clientAddress(c) });
    if (!result.ok) {
      const limited = result.code === 'rate_limited';
      const notice: Notice = { kind: 'error', text: t(limited ? 'rateLimited' : 'loginFailed') };
      const body = signInPage(t, config, c.get('csrfToken'), notice, account);
      return sendPage(c, config.appClass, t('signIn'), body, [], limited ? 429 : 400);
    }
    if (result.sessionEpoch === null) throw new TypeError('services.rotation needs the session store');
    await startSession(c, config.session, result.account, result.sessionEpoch, {
      mustChange: result.mustChange ? '1' : '0',
      expired: result.expired ? '1' : '0',
    });
    return c.redirect(result.mustChange ? config.passwordPath : '/', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, config.session);
    setFlash(c, config.session.cookieName, { kind: 'info', key: 'loggedOut' });
    return c.redirect('/login', 303);
  });
}

/**
 * Lets only signed-in mailbox owners through; a session whose password must change may open only
 * the password page and the path its form posts to.
 *
 * @example
 * ```ts
 * app.use('/account/*', requireMailbox(config));
 * ```
 */
export function requireMailbox(config: MailboxAuthConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) return c.redirect('/login', 303);
    const path = new URL(c.req.url).pathname;
    const allowed = [config.passwordPath, config.passwordSubmitPath ?? config.passwordPath];
    if (session.data.mustChange === '1' && !allowed.includes(path))
      return c.redirect(config.passwordPath, 303);
    await next();
  };
}
