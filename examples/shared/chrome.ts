/** @module Page chrome shared by the apps: the brand, the sign-in card and the user menu. */
import { html, type SafeHtml } from './html.js';
import { type Notice, renderNotice } from './layout.js';
import type { Translate } from './messages/index.js';

/**
 * The product mark and name.
 *
 * @example
 * ```ts
 * renderBrand('W', 'Webmail', '/');
 * ```
 */
export function renderBrand(mark: string, name: string, href: string): SafeHtml {
  return html`<a class="brand" href="${href}"><span class="brand-mark" aria-hidden="true">${mark}</span><span>${name}</span></a>`;
}

/** What the sign-in card shows. */
export interface SignInOptions {
  readonly t: Translate;
  readonly brand: SafeHtml;
  readonly csrfToken: string;
  readonly notice: Notice | null;
  /** Label and input type of the identifier field (full address for mailboxes, username for admins). */
  readonly identifierLabel: string;
  readonly identifierType: 'email' | 'text';
  /** Value to keep in the identifier field after a failed attempt. */
  readonly identifier: string;
  /** The "Forgot password?" link (mailbox apps), or none. */
  readonly forgotHref?: string;
}

/**
 * The sign-in page body: identifier + current password, posting to `/login` with the CSRF token.
 *
 * @example
 * ```ts
 * renderSignIn({ t, brand, csrfToken, notice: null, identifierLabel: t('emailAddress'), identifierType: 'email', identifier: '' });
 * ```
 */
export function renderSignIn(options: SignInOptions): SafeHtml {
  const { t } = options;
  return html`<main class="auth-page">
<div class="auth-card">
${options.brand}
<h1>${t('signIn')}</h1>
${renderNotice(options.notice)}
<form method="post" action="/login" novalidate>
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<div class="field">
<label for="login-user">${options.identifierLabel}</label>
<input type="${options.identifierType}" id="login-user" name="username" value="${options.identifier}" required autocomplete="username" autocapitalize="none" spellcheck="false" autofocus>
</div>
<div class="field">
<label for="login-password">${t('password')}</label>
<input type="password" id="login-password" name="password" required autocomplete="current-password">
</div>
<button type="submit" class="btn btn-primary">${t('signIn')}</button>
</form>
${options.forgotHref ? html`<p class="auth-aside"><a href="${options.forgotHref}">${t('forgotPassword')}</a></p>` : ''}
</div>
</main>`;
}

/** The user menu at the top right. */
export interface UserMenuOptions {
  readonly t: Translate;
  readonly account: string;
  readonly displayName: string | null;
  readonly csrfToken: string;
  /** Extra links above "Sign out", e.g. "My account". */
  readonly links: readonly { readonly href: string; readonly label: string }[];
}

/**
 * A `<details>` menu (opens without script) with the account, links and a sign-out form.
 *
 * @example
 * ```ts
 * renderUserMenu({ t, account: 'alice@example.org', displayName: 'Alice', csrfToken, links: [{ href: '/account', label: t('myAccount') }] });
 * ```
 */
export function renderUserMenu(options: UserMenuOptions): SafeHtml {
  const initial = (options.displayName || options.account).slice(0, 1);
  return html`<details class="user-menu">
<summary aria-label="${options.account}"><span class="avatar" aria-hidden="true">${initial}</span><span class="user-menu-name">${options.displayName || options.account}</span></summary>
<div class="user-menu-panel">
<div class="menu-header">${options.account}</div>
${options.links.map((link) => html`<a href="${link.href}">${link.label}</a>`)}
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${options.csrfToken}"><button type="submit">${options.t('signOut')}</button></form>
</div>
</details>`;
}
