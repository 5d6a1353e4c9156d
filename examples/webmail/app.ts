/**
 * @module The webmail example: sign in with the full address, user menu → My account → Account →
 * Password, and "Update password and log me out from everywhere".
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
import { setFlash } from '../shared/flash.js';
import type { Notice } from '../shared/layout.js';
import { type MailboxAuthConfig, mountMailboxAuth, requireMailbox } from '../shared/mailbox-auth.js';
import { submitOwnPasswordChange } from '../shared/own-password-change.js';
import { passwordBlock } from '../shared/password-block.js';
import type { ExampleServices } from '../shared/services.js';
import { endSession } from '../shared/session.js';
import { renderAccountPage, renderInbox, type WebmailUser, webmailBrand } from './pages.js';

const APP_CLASS = 'app-webmail';

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
    appClass: APP_CLASS,
    brand: webmailBrand,
    passwordPath: '/account',
    passwordSubmitPath: '/account/password',
  };
  const app = createBaseApp(config.session);
  mountMailboxAuth(app, services, config);
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
  ): Promise<Response> => {
    const t = c.get('t');
    const session = signedIn(c);
    const who = await user(session.account);
    const passwordFields = passwordBlock(c, services, { ...who, variant: 'owner', idPrefix: 'new-password' });
    const shown =
      notice ?? (session.data.mustChange === '1' ? { kind: 'info' as const, text: t('mustChange') } : null);
    const body = renderAccountPage({
      t,
      user: who,
      csrfToken: c.get('csrfToken'),
      notice: shown,
      passwordFields,
    });
    return sendPage(c, APP_CLASS, t('myAccount'), body, ['passrotate-password.js'], status);
  };

  app.get('/account', (c) => accountPage(c, null));

  app.post('/account/password', async (c) => {
    const outcome = await submitOwnPasswordChange(c, services, signedIn(c).account);
    if (!outcome.ok) return accountPage(c, outcome.notice, outcome.status);
    await endSession(c, config.session);
    setFlash(c, config.session.cookieName, { kind: 'success', key: 'passwordChangedSignIn' });
    return c.redirect('/login', 303);
  });

  return app;
}
