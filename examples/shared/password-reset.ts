/**
 * @module "Forgot password?" for the mailbox owner's apps: the request page (one answer for every
 * address), the reset form behind the mailed link (policy, `<passrotate-password>`), and the
 * success trip back to sign-in.
 */
import type { Hono } from 'hono';
import {
  type CompletePasswordResetResult,
  checkPasswordReset,
  completePasswordReset,
  requestPasswordReset,
} from '../../src/index.js';
import { type AppContext, type AppEnv, clientAddress, formField, type PageStatus } from './app-base.js';
import { setFlash } from './flash.js';
import { html, type SafeHtml } from './html.js';
import { type Notice, renderNotice, renderPage } from './layout.js';
import type { MailboxAuthConfig } from './mailbox-auth.js';
import { MAX_ACCOUNT_LENGTH } from './mailbox-auth.js';
import { passwordBlock, violationLines } from './password-block.js';
import { requestOrigin } from './request-origin.js';
import type { ExampleServices } from './services.js';

/** Where the pages live. */
export const FORGOT_PATH = '/forgot';
/** Where the reset form posts. */
const RESET_PATH = '/reset';

function card(c: AppContext, config: MailboxAuthConfig, inner: SafeHtml): SafeHtml {
  return html`<main class="auth-page"><div class="auth-card">${config.brand(c.get('t'))}${inner}</div></main>`;
}

function send(
  c: AppContext,
  config: MailboxAuthConfig,
  title: string,
  inner: SafeHtml,
  options: { status?: PageStatus; scripts?: readonly string[]; holdsToken?: boolean } = {},
): Response {
  const page = renderPage({
    title,
    locale: c.get('locale'),
    appClass: config.appClass,
    body: card(c, config, inner),
    scripts: options.scripts ?? [],
  }).value;
  // The reset form's URL holds the token: requests from that page send only the origin as Referer.
  // (`no-referrer` would also make browsers post the form with `Origin: null`, which the CSRF
  // origin check rightly refuses.)
  const body = options.holdsToken
    ? page.replace(
        '<meta name="referrer" content="same-origin">',
        '<meta name="referrer" content="strict-origin">',
      )
    : page;
  if (options.holdsToken) c.header('Referrer-Policy', 'strict-origin');
  return c.html(body, options.status ?? 200);
}

function requestForm(
  c: AppContext,
  config: MailboxAuthConfig,
  notice: Notice | null,
  status: PageStatus = 200,
) {
  const t = c.get('t');
  return send(
    c,
    config,
    t('resetRequestTitle'),
    html`<h1>${t('resetRequestTitle')}</h1>
<p class="muted">${t('resetRequestIntro')}</p>
${renderNotice(notice)}
<form method="post" action="${FORGOT_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${c.get('csrfToken')}">
<div class="field">
<label for="reset-account">${t('emailAddress')}</label>
<input type="email" id="reset-account" name="account" required autocomplete="username" autocapitalize="none" spellcheck="false" autofocus>
</div>
<button type="submit" class="btn btn-primary">${t('sendResetLink')}</button>
</form>
<p><a href="/login">${t('backToSignIn')}</a></p>`,
    { status },
  );
}

function invalidLink(c: AppContext, config: MailboxAuthConfig): Response {
  const t = c.get('t');
  return send(
    c,
    config,
    t('resetFormTitle'),
    html`<h1>${t('resetFormTitle')}</h1>
${renderNotice({ kind: 'error', text: t('resetLinkInvalid') })}
<a class="btn btn-primary" href="${FORGOT_PATH}">${t('requestNewLink')}</a>`,
    { status: 400, holdsToken: true },
  );
}

function resetForm(
  c: AppContext,
  services: ExampleServices,
  config: MailboxAuthConfig,
  view: { token: string; account: string; notice: Notice | null; status?: PageStatus },
): Response {
  const t = c.get('t');
  const fields = passwordBlock(c, services, {
    account: view.account,
    displayName: null,
    variant: 'reset',
    idPrefix: 'reset-password',
  });
  return send(
    c,
    config,
    t('resetFormTitle'),
    html`<h1>${t('resetFormTitle')}</h1>
<p class="muted">${t('resetFormIntro', { account: view.account })}</p>
${renderNotice(view.notice)}
<form method="post" action="${RESET_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${c.get('csrfToken')}">
<input type="hidden" name="token" value="${view.token}">
<input type="text" name="username" value="${view.account}" autocomplete="username" hidden>
${fields}
<button type="submit" class="btn btn-primary">${t('setNewPassword')}</button>
</form>`,
    { status: view.status ?? 200, scripts: ['passrotate-password.js'], holdsToken: true },
  );
}

function refusalNotice(c: AppContext, result: Exclude<CompletePasswordResetResult, { ok: true }>): Notice {
  const t = c.get('t');
  switch (result.code) {
    case 'policy_violation':
      return { kind: 'error', text: t('policyViolation'), items: violationLines(c, result.violations) };
    case 'confirmation_mismatch':
      return { kind: 'error', text: t('confirmationMismatch') };
    case 'conflict':
      return { kind: 'error', text: t('conflict') };
    default:
      return { kind: 'error', text: t('tryLater') };
  }
}

/**
 * Adds `GET/POST /forgot`, `GET /reset/:token` and `POST /reset` (the token travels in a hidden
 * field). The request page answers every address the same way and does not wait for the mail; the
 * link is built from `config.publicOrigin` (the configured public URL), so a forged `Host` header
 * cannot point it elsewhere.
 *
 * @example
 * ```ts
 * mountPasswordReset(app, services, config);
 * ```
 */
export function mountPasswordReset(
  app: Hono<AppEnv>,
  services: ExampleServices,
  config: MailboxAuthConfig,
): void {
  app.get(FORGOT_PATH, (c) => requestForm(c, config, null));

  app.post(FORGOT_PATH, async (c) => {
    const t = c.get('t');
    const account = (await formField(c, 'account')).trim().slice(0, MAX_ACCOUNT_LENGTH);
    // The configured public origin; the request's own only for an app not started by startDemo (tests).
    const origin = config.publicOrigin?.() ?? requestOrigin(c);
    const result = await requestPasswordReset(services.rotation, {
      account,
      clientKey: clientAddress(c),
      resetUrl: (token) => `${origin}${RESET_PATH}/${token}`,
      locale: c.get('locale'),
    });
    if (!result.ok) {
      const limited = result.code === 'rate_limited';
      return requestForm(
        c,
        config,
        { kind: 'error', text: t(limited ? 'tooManyResetRequests' : 'tryLater') },
        limited ? 429 : 500,
      );
    }
    // The mail goes out after this answer: its duration must not tell whether the account exists.
    return send(
      c,
      config,
      t('resetSentTitle'),
      html`<h1>${t('resetSentTitle')}</h1>
${renderNotice({ kind: 'info', text: t('resetSent') })}
<a class="btn btn-primary" href="/login">${t('backToSignIn')}</a>`,
    );
  });

  app.get(`${RESET_PATH}/:token`, async (c) => {
    const token = c.req.param('token');
    const checked = await checkPasswordReset(services.rotation, { token });
    if (!checked.ok) return invalidLink(c, config);
    return resetForm(c, services, config, { token, account: checked.account, notice: null });
  });

  app.post(RESET_PATH, async (c) => {
    const token = await formField(c, 'token');
    const result = await completePasswordReset(services.rotation, {
      token,
      newPassword: await formField(c, 'newPassword'),
      confirmation: await formField(c, 'confirmPassword'),
      clientKey: clientAddress(c),
    });
    if (result.ok) {
      setFlash(c, config.session.cookieName, { kind: 'success', key: 'passwordResetSignIn' });
      return c.redirect('/login', 303);
    }
    if (result.code === 'invalid_token') return invalidLink(c, config);
    const checked = await checkPasswordReset(services.rotation, { token });
    if (!checked.ok) return invalidLink(c, config);
    const status = result.code === 'conflict' ? 409 : result.code === 'storage_failure' ? 500 : 400;
    return resetForm(c, services, config, {
      token,
      account: checked.account,
      notice: refusalNotice(c, result),
      status,
    });
  });
}
