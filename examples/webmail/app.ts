/**
 * @module The webmail example: sign in with the full address, user menu → My account → Account →
 * Password, and "Update password and log me out from everywhere"; below it, Devices and app passwords.
 */
import type { Hono } from 'hono';
import {
  type AppContext,
  type AppEnv,
  createBaseApp,
  type PageStatus,
  sendPage,
  signedIn,
} from '../shared/app-base.js';
import {
  type AppPasswordsView,
  type AppPasswordsViewOptions,
  appPasswordsEnabled,
  appPasswordsView,
  submitAppPasswordCreate,
  submitAppPasswordRevoke,
} from '../shared/app-passwords.js';
import { renderAppPasswordsSection } from '../shared/app-passwords-section.js';
import { setFlash, takeFlash } from '../shared/flash.js';
import type { Notice } from '../shared/layout.js';
import { type MailboxAuthConfig, mountMailboxAuth, requireMailbox } from '../shared/mailbox-auth.js';
import { submitOwnPasswordChange } from '../shared/own-password-change.js';
import { passwordBlock } from '../shared/password-block.js';
import { mountPasswordReset } from '../shared/password-reset.js';
import type { ExampleServices } from '../shared/services.js';
import { endSession } from '../shared/session.js';
import { renderAccountPage, renderInbox, type WebmailUser, webmailBrand } from './pages.js';

const APP_CLASS = 'app-webmail';
const APP_PASSWORDS_PATH = '/account/app-passwords';

/**
 * Builds the webmail app over the shared services.
 *
 * @example
 * ```ts
 * serve({ fetch: createWebmailApp(services).fetch, port: 3001, hostname: '127.0.0.1' });
 * ```
 */
export function createWebmailApp(services: ExampleServices): Hono<AppEnv> {
  const config: MailboxAuthConfig = {
    session: {
      app: 'webmail',
      cookieName: 'webmail_session',
      store: services.storage.sessions,
      clock: services.clock,
      ttlMs: 8 * 3_600_000,
      sameSite: 'Lax',
    },
    publicOrigin: () => services.publicOrigins.webmail,
    appClass: APP_CLASS,
    brand: webmailBrand,
    passwordPath: '/account',
    passwordSubmitPath: '/account/password',
  };
  const app = createBaseApp(config.session);
  mountMailboxAuth(app, services, config);
  mountPasswordReset(app, services, config);
  app.use('/', requireMailbox(config));
  app.use('/account', requireMailbox(config));
  app.use('/account/*', requireMailbox(config));

  const user = async (account: string): Promise<WebmailUser> => {
    const record = await services.storage.credentials.get(account);
    return { account, displayName: record?.displayName ?? null };
  };

  app.get('/', async (c) => {
    const t = c.get('t');
    const session = signedIn(c);
    const date = new Intl.DateTimeFormat(c.get('locale'), { month: 'short', day: 'numeric' }).format(
      session.createdAt,
    );
    return sendPage(
      c,
      APP_CLASS,
      t('inbox'),
      renderInbox(t, await user(session.account), c.get('csrfToken'), date),
    );
  });

  const accountPage = async (
    c: AppContext,
    notice: Notice | null,
    status: PageStatus = 200,
    devicesView: AppPasswordsViewOptions = { action: APP_PASSWORDS_PATH },
  ): Promise<Response> => {
    const t = c.get('t');
    const session = signedIn(c);
    const who = await user(session.account);
    const passwordFields = passwordBlock(c, services, { ...who, variant: 'owner', idPrefix: 'new-password' });
    const mustChange = session.data.mustChange === '1';
    const expired = session.data.expired === '1';
    const shown =
      notice ??
      (mustChange ? { kind: 'info' as const, text: t(expired ? 'passwordExpired' : 'mustChange') } : null);
    // Until a must-change password is replaced, the page offers the password form only.
    const devices: AppPasswordsView | null = mustChange
      ? null
      : await appPasswordsView(c, services, session.account, devicesView);
    const body = renderAccountPage({
      t,
      user: who,
      csrfToken: c.get('csrfToken'),
      notice: shown,
      passwordFields,
      devices: devices ? renderAppPasswordsSection(t, c.get('csrfToken'), devices) : null,
    });
    return sendPage(c, APP_CLASS, t('myAccount'), body, ['passrotate-password.js'], status);
  };

  app.get('/account', (c) =>
    accountPage(c, null, 200, {
      action: APP_PASSWORDS_PATH,
      notice: takeFlash(c, config.session.cookieName, c.get('t')),
    }),
  );

  app.post('/account/password', async (c) => {
    const outcome = await submitOwnPasswordChange(c, services, signedIn(c).account);
    if (!outcome.ok) return accountPage(c, outcome.notice, outcome.status);
    await endSession(c, config.session);
    setFlash(c, config.session.cookieName, { kind: 'success', key: 'passwordChangedSignIn' });
    return c.redirect('/login', 303);
  });

  if (!appPasswordsEnabled(services)) return app;
  // The new app password is in this response only: no redirect, no flash, never cached.
  app.post(APP_PASSWORDS_PATH, async (c) => {
    const outcome = await submitAppPasswordCreate(c, services, signedIn(c).account);
    c.header('Cache-Control', 'no-store');
    return outcome.ok
      ? accountPage(c, null, 200, { action: APP_PASSWORDS_PATH, created: outcome.created })
      : accountPage(c, null, outcome.status, {
          action: APP_PASSWORDS_PATH,
          notice: outcome.notice,
        });
  });

  app.post(`${APP_PASSWORDS_PATH}/revoke`, async (c) => {
    setFlash(c, config.session.cookieName, await submitAppPasswordRevoke(c, services, signedIn(c).account));
    return c.redirect('/account#devices', 303);
  });

  return app;
}
