/**
 * @module The user panel example: sign in with the full address, a "Password" menu entry, new +
 * confirm, "Change"; a "Devices" menu entry for app passwords.
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
  type AppPasswordsViewOptions,
  appPasswordsEnabled,
  appPasswordsView,
  submitAppPasswordCreate,
  submitAppPasswordRevoke,
} from '../shared/app-passwords.js';
import { renderAppPasswordsSection } from '../shared/app-passwords-section.js';
import { setFlash, takeFlash } from '../shared/flash.js';
import { type Notice, renderNotice } from '../shared/layout.js';
import { type MailboxAuthConfig, mountMailboxAuth, requireMailbox } from '../shared/mailbox-auth.js';
import { submitOwnPasswordChange } from '../shared/own-password-change.js';
import { passwordBlock } from '../shared/password-block.js';
import { mountPasswordReset } from '../shared/password-reset.js';
import type { ExampleServices } from '../shared/services.js';
import { startSession } from '../shared/session.js';
import {
  type PanelUser,
  panelBrand,
  renderDevicesPage,
  renderOverview,
  renderPasswordPage,
} from './pages.js';

const APP_CLASS = 'app-user-panel';

/**
 * Builds the user panel over the shared services. It shares the session store with the webmail,
 * so changing the password here also signs the owner out of the webmail (and vice versa).
 *
 * @example
 * ```ts
 * serve({ fetch: createUserPanelApp(services).fetch, port: 3002, hostname: '127.0.0.1' });
 * ```
 */
export function createUserPanelApp(services: ExampleServices): Hono<AppEnv> {
  const config: MailboxAuthConfig = {
    session: {
      app: 'user-panel',
      cookieName: 'panel_session',
      store: services.storage.sessions,
      clock: services.clock,
      ttlMs: 8 * 3_600_000,
      sameSite: 'Lax',
    },
    publicOrigin: () => services.publicOrigins.userPanel,
    appClass: APP_CLASS,
    brand: panelBrand,
    passwordPath: '/password',
  };
  const app = createBaseApp(config.session);
  mountMailboxAuth(app, services, config);
  mountPasswordReset(app, services, config);
  app.use('/', requireMailbox(config));
  app.use('/password', requireMailbox(config));
  app.use('/devices', requireMailbox(config));
  app.use('/devices/*', requireMailbox(config));

  const user = async (c: AppContext): Promise<PanelUser> => {
    const { account } = signedIn(c);
    const record = await services.storage.credentials.get(account);
    const lastChanged = record
      ? new Intl.DateTimeFormat(c.get('locale'), { dateStyle: 'medium', timeStyle: 'short' }).format(
          record.changedAt,
        )
      : '';
    return {
      account,
      displayName: record?.displayName ?? null,
      lastChanged,
      devicesMenu: appPasswordsEnabled(services),
    };
  };

  app.get('/', async (c) => {
    const t = c.get('t');
    return sendPage(c, APP_CLASS, t('overview'), renderOverview(t, await user(c), c.get('csrfToken'), null));
  });

  const passwordPage = async (
    c: AppContext,
    notice: Notice | null,
    status: PageStatus = 200,
  ): Promise<Response> => {
    const t = c.get('t');
    const who = await user(c);
    const session = signedIn(c);
    const mustChange = session.data.mustChange === '1';
    const expired = session.data.expired === '1';
    const shown =
      notice ??
      (mustChange ? { kind: 'info' as const, text: t(expired ? 'passwordExpired' : 'mustChange') } : null);
    const passwordFields = passwordBlock(c, services, { ...who, variant: 'owner', idPrefix: 'new-password' });
    const body = renderPasswordPage({
      t,
      user: who,
      csrfToken: c.get('csrfToken'),
      notice: shown,
      passwordFields,
    });
    return sendPage(c, APP_CLASS, t('changePasswordTitle'), body, ['passrotate-password.js'], status);
  };

  app.get('/password', (c) => passwordPage(c, null));

  app.post('/password', async (c) => {
    const t = c.get('t');
    const { account } = signedIn(c);
    const outcome = await submitOwnPasswordChange(c, services, account);
    if (!outcome.ok) return passwordPage(c, outcome.notice, outcome.status);
    // Every session of the mailbox is gone, this one included; continue in a fresh one, at the
    // epoch the change's revocation left (the change itself proved the new password).
    const epoch = await services.storage.sessions.epoch(account);
    await startSession(c, config.session, account, epoch, { mustChange: '0' });
    const pending = outcome.result.revocation.pending.length > 0;
    const notice: Notice = { kind: 'success', text: t(pending ? 'revocationPending' : 'passwordChanged') };
    return sendPage(
      c,
      APP_CLASS,
      t('overview'),
      renderOverview(t, await user(c), c.get('csrfToken'), notice),
    );
  });

  if (!appPasswordsEnabled(services)) return app;

  const devicesPage = async (
    c: AppContext,
    view: AppPasswordsViewOptions,
    status: PageStatus = 200,
  ): Promise<Response> => {
    const t = c.get('t');
    const devices = await appPasswordsView(c, services, signedIn(c).account, view);
    const section = devices
      ? renderAppPasswordsSection(t, c.get('csrfToken'), devices)
      : renderNotice({ kind: 'error', text: t('appPasswordTryLater') });
    return sendPage(
      c,
      APP_CLASS,
      t('devicesMenu'),
      renderDevicesPage(t, await user(c), c.get('csrfToken'), section),
      [],
      devices ? status : 500,
    );
  };

  app.get('/devices', (c) =>
    devicesPage(c, { action: '/devices', notice: takeFlash(c, config.session.cookieName, c.get('t')) }),
  );

  // The new app password is in this response only: no redirect, no flash, never cached.
  app.post('/devices', async (c) => {
    const outcome = await submitAppPasswordCreate(c, services, signedIn(c).account);
    c.header('Cache-Control', 'no-store');
    return outcome.ok
      ? devicesPage(c, { action: '/devices', created: outcome.created })
      : devicesPage(c, { action: '/devices', notice: outcome.notice }, outcome.status);
  });

  app.post('/devices/revoke', async (c) => {
    setFlash(c, config.session.cookieName, await submitAppPasswordRevoke(c, services, signedIn(c).account));
    return c.redirect('/devices', 303);
  });

  return app;
}
