/** @module `POST /roundcube`: the endpoint Roundcube's stock `httpapi` password driver calls. */
import type { Hono } from 'hono';
import { changeOwnPassword } from '../rotation/index.js';
import { pickLocale } from './locale.js';
import { ownerRefusal } from './refusal.js';
import { readForm, text } from './request-fields.js';
import { refuseUnlessSecret } from './require-secret.js';
import type { ServiceConfig } from './service-config.js';
import { peerAddress, type ServiceEnv } from './service-env.js';

/**
 * Registers `POST /roundcube`: form fields `user`, `curpass`, `newpass` (Roundcube's
 * `password_httpapi_var_*`), the shared secret as the HTTP Basic password (the user-info of
 * `password_httpapi_url`). Runs `changeOwnPassword` with `revoke: 'all'` (web sessions, Dovecot
 * flush and kick when configured) and answers `200 ok`, `401` for a wrong secret, or a 4xx whose
 * plain-text body is one line saying why (Roundcube logs it); 503 when the store failed. An
 * optional `locale` field (or `Accept-Language`) picks the language of that line.
 */
export function registerRoundcubeRoute(app: Hono<ServiceEnv>, config: ServiceConfig): void {
  app.post('/roundcube', async (c) => {
    const denied = await refuseUnlessSecret(c, config, config.secret);
    if (denied) return denied;
    const form = await readForm(c);
    const user = text(form, 'user');
    const currentPassword = text(form, 'curpass');
    const newPassword = text(form, 'newpass');
    if (user === undefined || currentPassword === undefined || newPassword === undefined) {
      c.set('outcome', 'bad_request');
      return c.text('The form needs the fields user, curpass and newpass.\n', 400);
    }
    c.set('account', user);
    const locale = pickLocale(text(form, 'locale') ?? c.req.header('Accept-Language'), config.locale ?? 'en');
    const result = await changeOwnPassword(config.rotation, {
      account: user,
      currentPassword,
      newPassword,
      confirmation: newPassword,
      revoke: 'all',
      clientKey: peerAddress(c),
    });
    if (result.ok) {
      c.set('outcome', result.revocation.pending.length > 0 ? 'changed_revocation_pending' : 'changed');
      return c.text('ok');
    }
    const refusal = ownerRefusal(result, locale);
    c.set('outcome', refusal.code);
    if (refusal.retryAfterMs !== undefined) {
      c.header('Retry-After', String(Math.ceil(refusal.retryAfterMs / 1000)));
    }
    return c.text(`${refusal.message}\n`, refusal.status);
  });
}
