/**
 * @module The skeleton every example server starts from: security headers, static assets, the page
 * language, cookie sessions with CSRF, and a page renderer.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WebSession } from '../../src/index.js';
import { mountAssets } from './assets.js';
import { html, type SafeHtml } from './html.js';
import { renderNotice, renderPage } from './layout.js';
import { type Translate, translator } from './messages/index.js';
import { negotiateLocale, type UiLocale } from './negotiate-locale.js';
import { trustForwardedHeaders } from './request-origin.js';
import { securityHeaders } from './security-headers.js';
import { type SessionConfig, type SessionVariables, sessionMiddleware } from './session.js';

/** Per-request variables of the example apps. */
export interface AppVariables extends SessionVariables {
  locale: UiLocale;
  t: Translate;
}

/** Hono environment of the example apps. */
export interface AppEnv {
  Variables: AppVariables;
}

/** A request context of an example app. */
export type AppContext = Context<AppEnv>;

/**
 * Creates a Hono app with the shared middleware in place. With the environment variable
 * `TRUST_PROXY=1` it trusts `X-Forwarded-Proto`/`X-Forwarded-Host` (off by default).
 *
 * @example
 * ```ts
 * const app = createBaseApp({ app: 'webmail', cookieName: 'webmail_session', store, clock, ttlMs, sameSite: 'Lax' });
 * ```
 */
export function createBaseApp(session: SessionConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // TRUST_PROXY=1: behind a TLS-terminating proxy, take the scheme and host from X-Forwarded-*.
  app.use(trustForwardedHeaders(process.env.TRUST_PROXY === '1'));
  app.use(securityHeaders());
  // The forms are a few hundred bytes; refuse big bodies before parsing them.
  app.use(bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Payload too large', 413) }));
  mountAssets(app);
  app.use(async (c, next) => {
    const locale = negotiateLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    await next();
  });
  app.use(
    sessionMiddleware<AppEnv>(session, (c) => {
      const t = c.get('t');
      return c.html(
        renderPage({
          title: t('formExpired'),
          locale: c.get('locale'),
          appClass: `app-${session.app}`,
          body: html`<main class="auth-page"><div class="auth-card">${renderNotice({ kind: 'error', text: t('formExpired') })}<a class="btn btn-primary" href="/">${t('tryAgain')}</a></div></main>`,
        }).value,
        403,
      );
    }),
  );
  app.onError((error, c) => {
    console.error(`[${session.app}] ${c.req.method} ${new URL(c.req.url).pathname}: ${error.name}`, error);
    return c.text('Internal error', 500);
  });
  return app;
}

/** The statuses a page is sent with. */
export type PageStatus = 200 | 400 | 403 | 404 | 409 | 429 | 500;

/**
 * The session of a route behind `requireMailbox`/`requireAdmin`; throws when there is none, which
 * would be a routing mistake.
 *
 * @example
 * ```ts
 * const { account } = signedIn(c);
 * ```
 */
export function signedIn(c: AppContext): WebSession {
  const session = c.get('session');
  if (!session) throw new Error('route needs a signed-in session');
  return session;
}

/**
 * Sends a full HTML page.
 *
 * @example
 * ```ts
 * return sendPage(c, 'app-webmail', t('inbox'), body, ['passrotate-password.js']);
 * ```
 */
export function sendPage(
  c: AppContext,
  appClass: string,
  title: string,
  body: SafeHtml,
  scripts: readonly string[] = [],
  status: PageStatus = 200,
): Response {
  return c.html(renderPage({ title, locale: c.get('locale'), appClass, body, scripts }).value, status);
}

/**
 * The client's address as the TCP connection reports it (per-client throttling key), or
 * `unknown` when the app runs outside a Node server (e.g. `app.request()` in tests).
 *
 * @example
 * ```ts
 * const clientKey = clientAddress(c);
 * ```
 */
export function clientAddress(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Reads one string field of a submitted form (empty string when missing or a file).
 *
 * @example
 * ```ts
 * const password = await formField(c, 'password');
 * ```
 */
export async function formField(c: AppContext, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : '';
}
