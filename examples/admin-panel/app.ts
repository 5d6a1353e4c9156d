/**
 * @module The admin panel example: admin sign-in, "Users" tab, "Select domain" (only the admin's
 * domains), the mailbox list with a pencil icon, and the edit dialog that calls `adminSetPassword`.
 * Domain rights are checked on the server: a request for another domain's mailbox gets 403.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { adminSetPassword, type MailboxRecord, reserveAttempt } from '../../src/index.js';
import type { AdminAccount } from '../shared/admin-store.js';
import {
  type AppContext,
  type AppEnv,
  clientAddress,
  createBaseApp,
  formField,
  type PageStatus,
  sendPage,
  signedIn,
} from '../shared/app-base.js';
import { renderSignIn } from '../shared/chrome.js';
import { setFlash, takeFlash } from '../shared/flash.js';
import type { Notice } from '../shared/layout.js';
import { MAX_ACCOUNT_LENGTH } from '../shared/mailbox-auth.js';
import { passwordBlock, violationLines } from '../shared/password-block.js';
import { randomToken } from '../shared/random-token.js';
import type { ExampleServices } from '../shared/services.js';
import { endSession, type SessionConfig, startSession } from '../shared/session.js';
import { adminBrand, type EditDialog, type MailboxRow, renderForbidden, renderUsersPage } from './pages.js';

const APP_CLASS = 'app-admin-panel';

/** Session accounts of admins carry this prefix, so revoking a mailbox's sessions never hits an admin. */
const ADMIN_PREFIX = 'admin:';

/**
 * Builds the admin panel over the shared services.
 *
 * @example
 * ```ts
 * serve({ fetch: createAdminPanelApp(services).fetch, port: 3003, hostname: '127.0.0.1' });
 * ```
 */
export function createAdminPanelApp(services: ExampleServices): Hono<AppEnv> {
  const session: SessionConfig = {
    app: 'admin-panel',
    cookieName: 'admin_session',
    store: services.storage.sessions,
    clock: services.clock,
    ttlMs: 2 * 3_600_000,
    sameSite: 'Strict',
  };
  const app = createBaseApp(session);
  const { storage, hasher } = services;
  let dummyHash: Promise<string> | undefined;

  const signIn = (
    c: AppContext,
    notice: Notice | null,
    identifier: string,
    status: PageStatus = 200,
  ): Response => {
    const t = c.get('t');
    const body = renderSignIn({
      t,
      brand: adminBrand(t),
      csrfToken: c.get('csrfToken'),
      notice,
      identifierLabel: t('username'),
      identifierType: 'text',
      identifier,
    });
    return sendPage(c, APP_CLASS, t('signIn'), body, [], status);
  };

  app.get('/login', (c) => {
    if (c.get('session')) return c.redirect('/users');
    return signIn(c, takeFlash(c, session.cookieName, c.get('t')), '');
  });

  app.post('/login', async (c) => {
    const t = c.get('t');
    const username = (await formField(c, 'username')).trim().toLowerCase().slice(0, MAX_ACCOUNT_LENGTH);
    const password = await formField(c, 'password');
    // Counted before the verification, so a burst runs at most the limit's worth of them.
    const attempt = await reserveAttempt(storage.limiter, {
      account: `admin:${username}`,
      client: `client:${clientAddress(c)}`,
    });
    if (!attempt.ok) return signIn(c, { kind: 'error', text: t('rateLimited') }, username, 429);
    // Read before the admin's hash, so a session opened by a login that raced a revokeAll is refused.
    const epoch = await storage.sessions.epoch(`${ADMIN_PREFIX}${username}`);
    const admin = await storage.admins.getAdmin(username);
    // Unknown admins still cost one verification, so timing does not tell who exists.
    dummyHash ??= hasher.hash(randomToken());
    const matches = await hasher.verify(password, admin?.passwordHash ?? (await dummyHash));
    if (!admin?.active || !matches)
      return signIn(c, { kind: 'error', text: t('loginFailed') }, username, 400);
    await attempt.succeeded();
    await startSession(c, session, `${ADMIN_PREFIX}${admin.username}`, epoch);
    return c.redirect('/users', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, session);
    setFlash(c, session.cookieName, { kind: 'info', key: 'loggedOut' });
    return c.redirect('/login', 303);
  });

  const currentAdmin = async (c: AppContext): Promise<AdminAccount | null> => {
    const account = signedIn(c).account;
    const admin = await storage.admins.getAdmin(account.slice(ADMIN_PREFIX.length));
    return admin?.active ? admin : null;
  };

  const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
    const current = c.get('session');
    if (!current?.account.startsWith(ADMIN_PREFIX)) return c.redirect('/login', 303);
    if (!(await currentAdmin(c))) {
      await endSession(c, session);
      return c.redirect('/login', 303);
    }
    await next();
  };
  app.use('/', requireAdmin);
  app.use('/users', requireAdmin);
  app.use('/users/*', requireAdmin);

  app.get('/', (c) => c.redirect('/users'));

  const mayManage = (admin: AdminAccount, domain: string): boolean =>
    admin.superadmin || admin.domains.includes(domain.toLowerCase());

  const forbidden = (c: AppContext): Response => {
    const t = c.get('t');
    return sendPage(c, APP_CLASS, t('forbiddenDomain'), renderForbidden(t), [], 403);
  };

  const row = (c: AppContext, record: MailboxRecord): MailboxRow => ({
    account: record.account,
    displayName: record.displayName,
    active: record.active,
    mustChange: record.mustChange,
    lastChanged: new Intl.DateTimeFormat(c.get('locale'), { dateStyle: 'medium' }).format(record.changedAt),
  });

  const listMailboxes = async (domain: string): Promise<MailboxRecord[]> => {
    const all: MailboxRecord[] = [];
    let cursor: string | null = null;
    do {
      const page = await storage.credentials.listByDomain(domain, { cursor, limit: 200 });
      all.push(...page.mailboxes);
      cursor = page.nextCursor;
    } while (cursor !== null && all.length < 5_000);
    return all;
  };

  interface UsersView {
    readonly domain: string | null;
    readonly notice: Notice | null;
    readonly edit: {
      readonly account: string;
      readonly notice: Notice | null;
      readonly mustChange: boolean;
    } | null;
  }

  const usersPage = async (c: AppContext, admin: AdminAccount, view: UsersView, status: PageStatus = 200) => {
    const t = c.get('t');
    const domain = view.domain ?? admin.domains[0] ?? null;
    if (domain !== null && !mayManage(admin, domain)) return forbidden(c);
    const mailboxes = domain === null ? [] : await listMailboxes(domain);
    let dialog: EditDialog | null = null;
    if (view.edit) {
      const record = mailboxes.find((m) => m.account === view.edit?.account.toLowerCase());
      if (!record) return forbidden(c);
      dialog = {
        mailbox: row(c, record),
        notice: view.edit.notice,
        mustChange: view.edit.mustChange,
        passwordFields: passwordBlock(c, services, {
          account: record.account,
          displayName: record.displayName,
          variant: 'admin',
          idPrefix: 'edit-password',
        }),
      };
    }
    const body = renderUsersPage({
      t,
      admin,
      csrfToken: c.get('csrfToken'),
      domains: admin.domains,
      domain,
      mailboxes: mailboxes.map((m) => row(c, m)),
      notice: view.notice,
      dialog,
    });
    return sendPage(c, APP_CLASS, t('users'), body, ['passrotate-password.js', 'admin-dialog.js'], status);
  };

  app.get('/users', async (c) => {
    const t = c.get('t');
    const admin = await currentAdmin(c);
    if (!admin) return c.redirect('/login', 303);
    const edit = c.req.query('edit');
    const domain = c.req.query('domain') ?? null;
    return usersPage(c, admin, {
      domain,
      notice: takeFlash(c, session.cookieName, t),
      edit: edit ? { account: edit, notice: null, mustChange: true } : null,
    });
  });

  app.post('/users/password', async (c) => {
    const t = c.get('t');
    const admin = await currentAdmin(c);
    if (!admin) return c.redirect('/login', 303);
    const account = (await formField(c, 'account')).trim().toLowerCase();
    const mustChange = (await formField(c, 'mustChange')) === '1';
    const domain = account.split('@')[1] ?? '';
    const result = await adminSetPassword(services.rotation, {
      actor: { name: admin.username, superadmin: admin.superadmin, domains: admin.domains },
      account,
      password: await formField(c, 'newPassword'),
      temporary: mustChange,
    });
    if (result.ok) {
      setFlash(c, session.cookieName, { kind: 'success', key: 'passwordSetFor', values: { account } });
      return c.redirect(`/users?${new URLSearchParams({ domain })}`, 303);
    }
    if (result.code === 'forbidden') return forbidden(c);
    const notice: Notice =
      result.code === 'policy_violation'
        ? { kind: 'error', text: t('policyViolation'), items: violationLines(c, result.violations) }
        : result.code === 'conflict'
          ? { kind: 'error', text: t('conflict') }
          : { kind: 'error', text: t('tryLater') };
    const status = result.code === 'policy_violation' ? 400 : result.code === 'conflict' ? 409 : 500;
    return usersPage(c, admin, { domain, notice: null, edit: { account, notice, mustChange } }, status);
  });

  return app;
}
