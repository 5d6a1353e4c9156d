/** @module The webmail's pages: inbox and My account → Account → Password, Devices. */
import { renderBrand, renderUserMenu } from '../shared/chrome.js';
import { html, type SafeHtml } from '../shared/html.js';
import { type Notice, renderNotice } from '../shared/layout.js';
import type { Translate } from '../shared/messages/index.js';

/** The signed-in user as the pages show them. */
export interface WebmailUser {
  readonly account: string;
  readonly displayName: string | null;
}

/**
 * The webmail brand.
 *
 * @example
 * ```ts
 * webmailBrand(t);
 * ```
 */
export function webmailBrand(t: Translate): SafeHtml {
  return renderBrand('✉', t('webmailName'), '/');
}

const INBOX_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/></svg>`;
const ACCOUNT_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="12" cy="8" r="4"/><path d="M4 21v-1a7 7 0 0 1 14 0v1"/></svg>`;

function topbar(t: Translate, user: WebmailUser, csrfToken: string): SafeHtml {
  return html`<header class="topbar">
${webmailBrand(t)}
<div class="spacer"></div>
${renderUserMenu({ t, account: user.account, displayName: user.displayName, csrfToken, links: [{ href: '/account', label: t('myAccount') }] })}
</header>`;
}

function sidebar(t: Translate, current: 'inbox' | 'account'): SafeHtml {
  const link = (
    href: string,
    key: 'inbox' | 'account',
    icon: SafeHtml,
    label: string,
    count: number,
  ): SafeHtml =>
    html`<a href="${href}"${current === key ? html` aria-current="page"` : ''}>${icon}<span>${label}</span>${count > 0 ? html`<span class="count">${count}</span>` : ''}</a>`;
  return html`<aside class="sidebar">
<nav class="sidebar-nav">${link('/', 'inbox', INBOX_ICON, t('inbox'), 1)}${link('/account', 'account', ACCOUNT_ICON, t('myAccount'), 0)}</nav>
</aside>`;
}

/**
 * The inbox with the welcome message.
 *
 * @example
 * ```ts
 * renderInbox(t, { account: 'alice@example.org', displayName: 'Alice' }, csrfToken, 'Nov 27');
 * ```
 */
export function renderInbox(t: Translate, user: WebmailUser, csrfToken: string, date: string): SafeHtml {
  return html`${topbar(t, user, csrfToken)}
<div class="page">
${sidebar(t, 'inbox')}
<main class="content">
<div class="toolbar"><h1>${t('inbox')}</h1></div>
<ul class="message-list">
<li><span class="from">${t('welcomeFrom')}</span><span class="snippet"><strong>${t('welcomeSubject')}</strong> — ${t('welcomeBody')}</span><span class="date">${date}</span></li>
</ul>
</main>
</div>`;
}

/** What the password section shows. */
export interface AccountPageOptions {
  readonly t: Translate;
  readonly user: WebmailUser;
  readonly csrfToken: string;
  readonly notice: Notice | null;
  /** The shared new-password block. */
  readonly passwordFields: SafeHtml;
  /** The Devices and app passwords section, or `null` when hidden. */
  readonly devices: SafeHtml | null;
}

/**
 * My account → Account tab → Password section, then Devices and app passwords.
 *
 * @example
 * ```ts
 * renderAccountPage({ t, user, csrfToken, notice: null, passwordFields, devices: null });
 * ```
 */
export function renderAccountPage(options: AccountPageOptions): SafeHtml {
  const { t } = options;
  return html`${topbar(t, options.user, options.csrfToken)}
<div class="page">
${sidebar(t, 'account')}
<main class="content content-narrow">
<h1>${t('myAccount')}</h1>
<nav class="tabs" aria-label="${t('myAccount')}"><a href="/account" aria-current="page">${t('accountTab')}</a></nav>
<section class="card" aria-labelledby="password-heading">
<h2 id="password-heading">${t('passwordSection')}</h2>
<p class="muted">${t('passwordSectionIntro')}</p>
${renderNotice(options.notice)}
<form method="post" action="/account/password" novalidate>
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<input type="text" name="username" value="${options.user.account}" autocomplete="username" hidden>
<div class="field">
<label for="current-password">${t('currentPassword')}</label>
<input type="password" id="current-password" name="currentPassword" required autocomplete="current-password" data-role="current">
</div>
${options.passwordFields}
<div class="form-actions"><button type="submit" class="btn btn-primary">${t('updateAndSignOut')}</button></div>
</form>
</section>
${options.devices ?? ''}
</main>
</div>`;
}
