/** @module The user panel's pages: overview, Password and Devices. */
import { renderBrand, renderUserMenu } from '../shared/chrome.js';
import { html, type SafeHtml } from '../shared/html.js';
import { type Notice, renderNotice } from '../shared/layout.js';
import type { Translate } from '../shared/messages/index.js';

/** The signed-in mailbox. */
export interface PanelUser {
  readonly account: string;
  readonly displayName: string | null;
  /** Localised date of the last password change. */
  readonly lastChanged: string;
  /** Whether the menu offers Devices (app passwords; only where the storage keeps them). */
  readonly devicesMenu: boolean;
}

/**
 * The user panel brand.
 *
 * @example
 * ```ts
 * panelBrand(t);
 * ```
 */
export function panelBrand(t: Translate): SafeHtml {
  return renderBrand('◎', t('panelName'), '/');
}

const HOME_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="m3 10 9-7 9 7v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/></svg>`;
const DEVICE_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/></svg>`;
const KEY_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3"/></svg>`;

function frame(
  t: Translate,
  user: PanelUser,
  csrfToken: string,
  current: 'overview' | 'password' | 'devices',
  main: SafeHtml,
): SafeHtml {
  const link = (href: string, key: typeof current, icon: SafeHtml, label: string): SafeHtml =>
    html`<a href="${href}"${current === key ? html` aria-current="page"` : ''}>${icon}<span>${label}</span></a>`;
  return html`<header class="topbar">
${panelBrand(t)}
<div class="spacer"></div>
${renderUserMenu({ t, account: user.account, displayName: user.displayName, csrfToken, links: [] })}
</header>
<div class="page">
<aside class="sidebar"><nav class="sidebar-nav">${link('/', 'overview', HOME_ICON, t('overview'))}${link('/password', 'password', KEY_ICON, t('passwordMenu'))}${user.devicesMenu ? link('/devices', 'devices', DEVICE_ICON, t('devicesMenu')) : ''}</nav></aside>
<main class="content content-narrow">${main}</main>
</div>`;
}

/**
 * The overview of the mailbox.
 *
 * @example
 * ```ts
 * renderOverview(t, user, csrfToken, null);
 * ```
 */
export function renderOverview(
  t: Translate,
  user: PanelUser,
  csrfToken: string,
  notice: Notice | null,
): SafeHtml {
  return frame(
    t,
    user,
    csrfToken,
    'overview',
    html`<h1>${t('overview')}</h1>
${renderNotice(notice)}
<section class="card">
<dl class="facts">
<dt>${t('mailboxLabel')}</dt><dd>${user.account}</dd>
${user.displayName ? html`<dt>${t('name')}</dt><dd>${user.displayName}</dd>` : ''}
<dt>${t('lastChanged')}</dt><dd>${user.lastChanged}</dd>
</dl>
</section>`,
  );
}

/** What the Password page shows. */
export interface PanelPasswordOptions {
  readonly t: Translate;
  readonly user: PanelUser;
  readonly csrfToken: string;
  readonly notice: Notice | null;
  readonly passwordFields: SafeHtml;
}

/**
 * The Password page: current, new, confirm, "Change".
 *
 * @example
 * ```ts
 * renderPasswordPage({ t, user, csrfToken, notice: null, passwordFields });
 * ```
 */
export function renderPasswordPage(options: PanelPasswordOptions): SafeHtml {
  const { t } = options;
  return frame(
    t,
    options.user,
    options.csrfToken,
    'password',
    html`<h1>${t('changePasswordTitle')}</h1>
<section class="card">
${renderNotice(options.notice)}
<form method="post" action="/password" novalidate>
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<input type="text" name="username" value="${options.user.account}" autocomplete="username" hidden>
<div class="field">
<label for="current-password">${t('currentPassword')}</label>
<input type="password" id="current-password" name="currentPassword" required autocomplete="current-password" data-role="current">
</div>
${options.passwordFields}
<div class="form-actions"><button type="submit" class="btn btn-primary">${t('change')}</button></div>
</form>
</section>`,
  );
}

/**
 * The Devices page: the shared Devices and app passwords section.
 *
 * @example
 * ```ts
 * renderDevicesPage(t, user, csrfToken, renderAppPasswordsSection(t, csrfToken, view));
 * ```
 */
export function renderDevicesPage(
  t: Translate,
  user: PanelUser,
  csrfToken: string,
  section: SafeHtml,
): SafeHtml {
  return frame(
    t,
    user,
    csrfToken,
    'devices',
    html`<h1>${t('devicesMenu')}</h1>
${section}`,
  );
}
