/** @module The JSON endpoints any panel can call: policy, check, generate, change own password, admin set. */
import type { Context, Hono } from 'hono';
import { generatePassphrase, generatePassword } from '../generator/index.js';
import {
  describePolicy,
  formatViolation,
  type LocaleId,
  toHtmlAttributes,
  toPasswordRules,
  validatePassword,
} from '../policy/index.js';
import { adminSetPassword, changeOwnPassword } from '../rotation/index.js';
import { pickLocale } from './locale.js';
import { adminRefusal, ownerRefusal, type ServiceRefusal } from './refusal.js';
import { type Fields, readJson, text } from './request-fields.js';
import { refuseUnlessSecret } from './require-secret.js';
import type { ServiceConfig } from './service-config.js';
import { peerAddress, type ServiceEnv } from './service-env.js';

type Ctx = Context<ServiceEnv>;

function badRequest(c: Ctx, message: string): Response {
  c.set('outcome', 'bad_request');
  return c.json({ ok: false, code: 'bad_request', message }, 400);
}

function refused(c: Ctx, refusal: ServiceRefusal): Response {
  c.set('outcome', refusal.code);
  if (refusal.retryAfterMs !== undefined) {
    c.header('Retry-After', String(Math.ceil(refusal.retryAfterMs / 1000)));
  }
  const { status, ...body } = refusal;
  return c.json({ ok: false, ...body }, status);
}

/** The caller's locale: a `locale` field or query parameter, else `Accept-Language`, else the default. */
function localeOf(c: Ctx, config: ServiceConfig, fields: Fields | null): LocaleId {
  const named =
    (fields && text(fields, 'locale')) ?? c.req.query('locale') ?? c.req.header('Accept-Language');
  return pickLocale(named, config.locale ?? 'en');
}

/**
 * Registers the JSON endpoints, all behind the panels' shared secret (HTTP Basic password) except
 * `admin/set`, which takes the admin secret:
 * - `GET /api/policy?locale=de` → `{ locale, requirements: [{ code, text }], passwordrules, htmlAttributes }`
 * - `POST /api/check` `{ password, account?, displayName?, locale? }` → `{ ok, violations: [{ code, message }] }`
 * - `POST /api/generate` `{ passphrase? }` → `{ password }`
 * - `POST /api/change` `{ account, currentPassword, newPassword, confirmation?, client?, locale? }` →
 *   `{ ok: true, version, revocation }` or `{ ok: false, code, message, violations? }` (403, 409, 422, 429, 503)
 * - `POST /api/admin/set` `{ account, password? | generate: true, temporary? }` → `{ ok: true, version,
 *   mustChange, expiresAt, password? }` or a refusal (403 outside the admin's domains, 404 unknown mailbox)
 */
export function registerJsonRoutes(app: Hono<ServiceEnv>, config: ServiceConfig): void {
  const policy = config.rotation.policy;
  const panel = (c: Ctx) => refuseUnlessSecret(c, config, config.secret);

  app.get('/api/policy', async (c) => {
    const denied = await panel(c);
    if (denied) return denied;
    const locale = localeOf(c, config, null);
    return c.json({
      locale,
      requirements: describePolicy(policy, { locale }).map((line) => ({ code: line.code, text: line.text })),
      passwordrules: toPasswordRules(policy),
      htmlAttributes: toHtmlAttributes(policy),
    });
  });

  app.post('/api/check', async (c) => {
    const denied = await panel(c);
    if (denied) return denied;
    const fields = await readJson(c);
    const password = fields === null ? undefined : text(fields, 'password');
    if (fields === null || password === undefined) {
      return badRequest(c, 'The body must be JSON with a password.');
    }
    const locale = localeOf(c, config, fields);
    const account = text(fields, 'account');
    const displayName = text(fields, 'displayName');
    const result = validatePassword(policy, password, {
      ...(account === undefined ? {} : { account }),
      ...(displayName === undefined ? {} : { displayName }),
    });
    c.set('outcome', result.ok ? 'acceptable' : 'violations');
    return c.json({
      ok: result.ok,
      violations: result.violations.map((v) => ({ code: v.code, message: formatViolation(v, { locale }) })),
    });
  });

  app.post('/api/generate', async (c) => {
    const denied = await panel(c);
    if (denied) return denied;
    const fields = (await readJson(c)) ?? {};
    const random = config.rotation.random;
    const options = random === undefined ? {} : { random };
    const password =
      fields.passphrase === true ? generatePassphrase(policy, options) : generatePassword(policy, options);
    c.set('outcome', 'generated');
    return c.json({ password });
  });

  app.post('/api/change', async (c) => {
    const denied = await panel(c);
    if (denied) return denied;
    const fields = await readJson(c);
    const account = fields && text(fields, 'account');
    const currentPassword = fields && text(fields, 'currentPassword');
    const newPassword = fields && text(fields, 'newPassword');
    if (!fields || !account || !currentPassword || !newPassword) {
      return badRequest(c, 'The body must be JSON with account, currentPassword and newPassword.');
    }
    c.set('account', account);
    const result = await changeOwnPassword(config.rotation, {
      account,
      currentPassword,
      newPassword,
      confirmation: text(fields, 'confirmation') ?? newPassword,
      revoke: 'all',
      clientKey: text(fields, 'client') ?? peerAddress(c),
    });
    if (!result.ok) return refused(c, ownerRefusal(result, localeOf(c, config, fields)));
    c.set('outcome', 'changed');
    return c.json({ ok: true, version: result.version, revocation: result.revocation });
  });

  app.post('/api/admin/set', async (c) => {
    const admin = config.admin;
    if (!admin)
      return c.json({ ok: false, code: 'not_found', message: 'No admin credential is configured.' }, 404);
    const denied = await refuseUnlessSecret(c, config, admin.secret);
    if (denied) return denied;
    const fields = await readJson(c);
    const account = fields && text(fields, 'account');
    const password = fields && text(fields, 'password');
    const generate = fields?.generate === true;
    if (!fields || !account || generate === (password !== undefined)) {
      return badRequest(c, 'The body must be JSON with account and either password or generate: true.');
    }
    c.set('account', account);
    const result = await adminSetPassword(config.rotation, {
      actor: admin.actor,
      account,
      ...(generate ? { generate: true } : { password: password as string }),
      temporary: fields.temporary === true,
      revoke: 'all',
    });
    if (!result.ok) return refused(c, adminRefusal(result, localeOf(c, config, fields)));
    c.set('outcome', 'set_by_admin');
    return c.json({
      ok: true,
      version: result.version,
      mustChange: result.mustChange,
      expiresAt: result.expiresAt?.toISOString() ?? null,
      revocation: result.revocation,
      ...(result.password === undefined ? {} : { password: result.password }),
    });
  });
}
