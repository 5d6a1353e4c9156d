/**
 * @module One-time notices across a redirect ("flash"), kept on the server under a random id in an
 * HttpOnly cookie — never in a query parameter, so no link can make a page show a made-up notice.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Notice } from './layout.js';
import type { MessageKey, Translate } from './messages/index.js';
import { randomToken } from './random-token.js';
import { isHttpsRequest } from './request-origin.js';

/** A notice to show once: a message key and its values, turned into text in the reader's language. */
export interface Flash {
  readonly kind: Notice['kind'];
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string>>;
}

/** How long an unread notice is kept, and how many at most (the oldest go first). */
const FLASH_TTL_MS = 5 * 60_000;
const MAX_FLASHES = 10_000;

/**
 * Notices waiting for their redirect, in this process. Behind a load balancer without sticky
 * sessions the next request may reach another instance and the notice is simply not shown.
 */
const pending = new Map<string, { readonly flash: Flash; readonly expires: number }>();

function flashCookie(sessionCookie: string): string {
  return `${sessionCookie}_flash`;
}

/**
 * Keeps `flash` for the next page this browser opens in the app whose session cookie is
 * `sessionCookie`.
 *
 * @example
 * ```ts
 * setFlash(c, 'webmail_session', { kind: 'success', key: 'passwordChangedSignIn' });
 * return c.redirect('/login', 303);
 * ```
 */
export function setFlash(c: Context, sessionCookie: string, flash: Flash): void {
  const now = Date.now();
  for (const [id, entry] of pending) {
    if (entry.expires > now && pending.size < MAX_FLASHES) break;
    pending.delete(id);
  }
  const id = randomToken();
  pending.set(id, { flash, expires: now + FLASH_TTL_MS });
  setCookie(c, flashCookie(sessionCookie), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttpsRequest(c),
    maxAge: FLASH_TTL_MS / 1000,
  });
}

/**
 * Takes the notice kept by {@link setFlash} (once: it is deleted), as text for `t`; `null` when
 * there is none.
 *
 * @example
 * ```ts
 * const notice = takeFlash(c, 'webmail_session', c.get('t'));
 * ```
 */
export function takeFlash(c: Context, sessionCookie: string, t: Translate): Notice | null {
  const id = getCookie(c, flashCookie(sessionCookie));
  if (id === undefined) return null;
  deleteCookie(c, flashCookie(sessionCookie), { path: '/' });
  const entry = pending.get(id);
  pending.delete(id);
  if (entry === undefined || entry.expires < Date.now()) return null;
  return { kind: entry.flash.kind, text: t(entry.flash.key, entry.flash.values) };
}
