/**
 * @module Cookie sessions over the `SessionStore` port, with a synchronizer CSRF token checked on
 * every state-changing request.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock, SessionStore, WebSession } from '../../src/index.js';
import { randomToken, tokensEqual } from './random-token.js';
import { isHttpsRequest, requestOrigin } from './request-origin.js';

/** How one app keeps its sessions. */
export interface SessionConfig {
  /** App name stored in the session; a session made by another app is ignored. */
  readonly app: string;
  /** Cookie name; each app has its own because cookies are shared across ports of one host. */
  readonly cookieName: string;
  readonly store: SessionStore;
  readonly clock: Clock;
  /** Absolute lifetime of a session. */
  readonly ttlMs: number;
  /** `Strict` for the admin panel, `Lax` for the mailbox owner's apps. */
  readonly sameSite: 'Strict' | 'Lax';
}

/** The per-request variables the session middleware provides. */
export interface SessionVariables {
  session: WebSession | null;
  csrfToken: string;
}

/** How the middleware answers a refused POST (missing or wrong CSRF token, foreign origin). */
export type CsrfRefusal<E extends SessionEnv> = (c: Context<E>) => Response | Promise<Response>;

/** The part of a Hono environment the session middleware needs. */
export interface SessionEnv {
  Variables: SessionVariables;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function preCsrfCookie(config: SessionConfig): string {
  return `${config.cookieName}_csrf`;
}

async function submittedToken(c: Context): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const value = body._csrf;
    return typeof value === 'string' ? value : '';
  }
  return '';
}

function originAllowed(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return origin === undefined;
  return origin === requestOrigin(c);
}

/**
 * Loads the session from its cookie, provides the CSRF token for forms, and refuses (403) any
 * POST/PUT/PATCH/DELETE whose `_csrf` field (or `X-CSRF-Token` header) does not match the session's
 * token — or, before login, the token of a pre-session cookie — or whose `Origin` is foreign.
 *
 * @example
 * ```ts
 * app.use(sessionMiddleware({ app: 'webmail', cookieName: 'webmail_session', store, clock, ttlMs, sameSite: 'Lax' }));
 * ```
 */
export function sessionMiddleware<E extends SessionEnv>(
  config: SessionConfig,
  refuse: CsrfRefusal<E> = (c) => c.text('Forbidden', 403),
): MiddlewareHandler<E> {
  return async (c, next) => {
    const id = getCookie(c, config.cookieName);
    let session: WebSession | null = null;
    if (id) {
      const found = await config.store.get(id, config.clock.now());
      if (found && found.data.app === config.app) session = found;
      else deleteCookie(c, config.cookieName, { path: '/' });
    }
    let csrfToken = session?.data.csrf ?? '';
    if (!session) {
      csrfToken = getCookie(c, preCsrfCookie(config)) ?? '';
      if (!/^[\w-]{43}$/.test(csrfToken)) {
        csrfToken = randomToken();
        setCookie(c, preCsrfCookie(config), csrfToken, {
          path: '/',
          httpOnly: true,
          sameSite: 'Strict',
          secure: isHttpsRequest(c),
        });
      }
    }
    c.set('session', session);
    c.set('csrfToken', csrfToken);
    if (UNSAFE_METHODS.has(c.req.method)) {
      if (!originAllowed(c) || !tokensEqual(await submittedToken(c), csrfToken)) {
        return refuse(c);
      }
    }
    await next();
  };
}

/**
 * Starts a fresh session for `account` after a successful login: the previous session (if any) is
 * revoked and a new id and CSRF token are issued, so a planted session id is useless. `epoch` is the
 * account's session epoch read before the password was checked (`verifyLogin`'s `sessionEpoch`),
 * so a password change with "log me out everywhere" that raced the login also ends this session.
 *
 * @example
 * ```ts
 * await startSession(c, config, 'alice@example.org', login.sessionEpoch, { mustChange: '0' });
 * ```
 */
export async function startSession<E extends SessionEnv>(
  c: Context<E>,
  config: SessionConfig,
  account: string,
  epoch: number,
  data: Readonly<Record<string, string>> = {},
): Promise<WebSession> {
  const previous = getCookie(c, config.cookieName);
  if (previous) await config.store.revoke(previous);
  const now = config.clock.now();
  const session: WebSession = {
    id: randomToken(),
    account,
    createdAt: now,
    expiresAt: new Date(now.getTime() + config.ttlMs),
    epoch,
    data: { ...data, app: config.app, csrf: randomToken() },
  };
  await config.store.create(session);
  setCookie(c, config.cookieName, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: config.sameSite,
    secure: isHttpsRequest(c),
    expires: session.expiresAt,
  });
  deleteCookie(c, preCsrfCookie(config), { path: '/' });
  c.set('session', session);
  c.set('csrfToken', session.data.csrf ?? '');
  return session;
}

/**
 * Ends the current session (logout): revokes it in the store and clears the cookie.
 *
 * @example
 * ```ts
 * await endSession(c, config);
 * ```
 */
export async function endSession<E extends SessionEnv>(c: Context<E>, config: SessionConfig): Promise<void> {
  const id = getCookie(c, config.cookieName);
  if (id) await config.store.revoke(id);
  deleteCookie(c, config.cookieName, { path: '/' });
  c.set('session', null);
}
