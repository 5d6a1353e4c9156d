/** @module The admin panel's pages: Users (domain picker, mailbox list, edit dialog). */
import { renderBrand, renderUserMenu } from '../shared/chrome.js';
import { html, type SafeHtml } from '../shared/html.js';
import { type Notice, renderNotice } from '../shared/layout.js';
import type { Translate } from '../shared/messages/index.js';

/**
 * The admin panel brand.
 *
 * @example
 * ```ts
 * adminBrand(t);
 * ```
 */
export function adminBrand(t: Translate): SafeHtml {
  return renderBrand('⚙', t('adminName'), '/users');
}

/** One row of the mailbox list. */
export interface MailboxRow {
  readonly account: string;
  readonly displayName: string | null;
  readonly active: boolean;
  readonly mustChange: boolean;
  /** Localised date of the last password change. */
  readonly lastChanged: string;
}

/** The edit dialog, when open. */
export interface EditDialog {
  readonly mailbox: MailboxRow;
  readonly notice: Notice | null;
  readonly passwordFields: SafeHtml;
  /** Whether "must change at next login" is ticked (default on). */
  readonly mustChange: boolean;
}

/** What the Users page shows. */
export interface UsersPageOptions {
  readonly t: Translate;
  readonly admin: { readonly username: string; readonly superadmin: boolean };
  readonly csrfToken: string;
  readonly domains: readonly string[];
  readonly domain: string | null;
  readonly mailboxes: readonly MailboxRow[];
  readonly notice: Notice | null;
  readonly dialog: EditDialog | null;
}

const PENCIL_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M12 20h9"/><path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z"/></svg>`;
const CLOSE_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"/></svg>`;

function usersHref(domain: string | null, edit?: string): string {
  const params = new URLSearchParams();
  if (domain) params.set('domain', domain);
  if (edit) params.set('edit', edit);
  const query = params.toString();
  return query ? `/users?${query}` : '/users';
}

function statusBadges(t: Translate, row: MailboxRow): SafeHtml {
  return html`${row.active ? html`<span class="badge">${t('active')}</span>` : html`<span class="badge badge-off">${t('inactive')}</span>`}
${row.mustChange ? html` <span class="badge badge-warn">${t('mustChangeBadge')}</span>` : ''}`;
}

function renderDialog(t: Translate, csrfToken: string, domain: string, dialog: EditDialog): SafeHtml {
  const closeHref = usersHref(domain);
  return html`<dialog open data-edit-dialog data-close-href="${closeHref}" aria-labelledby="dialog-title">
<div class="dialog-header"><h2 id="dialog-title">${t('editMailbox')}</h2><a class="btn btn-icon" href="${closeHref}" data-action="close" title="${t('cancel')}" aria-label="${t('cancel')}">${CLOSE_ICON}</a></div>
<div class="dialog-body">
${renderNotice(dialog.notice)}
<form method="post" action="/users/password" novalidate>
<input type="hidden" name="_csrf" value="${csrfToken}">
<input type="hidden" name="account" value="${dialog.mailbox.account}">
<div class="field"><span class="field-label">${t('address')}</span><div class="readonly-value">${dialog.mailbox.account}</div></div>
${dialog.passwordFields}
<label class="checkbox"><input type="checkbox" name="mustChange" value="1"${dialog.mustChange ? html` checked` : ''}><span>${t('mustChangeNextLogin')}</span></label>
<div class="form-actions"><a class="btn" href="${closeHref}" data-action="close">${t('cancel')}</a><button type="submit" class="btn btn-primary">${t('updateUser')}</button></div>
</form>
</div>
</dialog>`;
}

/**
 * The Users tab: domain picker (only the admin's domains), mailbox table with pencil icons, and
 * the edit dialog when one is open.
 *
 * @example
 * ```ts
 * renderUsersPage({ t, admin, csrfToken, domains, domain: 'example.org', mailboxes, notice: null, dialog: null });
 * ```
 */
export function renderUsersPage(options: UsersPageOptions): SafeHtml {
  const { t, domain } = options;
  const role = options.admin.superadmin ? t('superadmin') : t('domainAdmin');
  return html`<header class="topbar">
${adminBrand(t)}
<nav class="topbar-nav"><a href="/users" aria-current="page">${t('users')}</a></nav>
${renderUserMenu({ t, account: options.admin.username, displayName: `${options.admin.username} · ${role}`, csrfToken: options.csrfToken, links: [] })}
</header>
<main class="content">
<h1>${t('users')}</h1>
${renderNotice(options.notice)}
${
  options.domains.length === 0
    ? html`<p class="muted">${t('noDomains')}</p>`
    : html`<form class="domain-picker" method="get" action="/users">
<div class="field"><label for="domain-select">${t('selectDomain')}</label>
<select id="domain-select" name="domain" data-autosubmit>${options.domains.map((d) => html`<option value="${d}"${d === domain ? html` selected` : ''}>${d}</option>`)}</select></div>
<button type="submit" class="btn">${t('show')}</button>
</form>`
}
${
  domain === null
    ? ''
    : options.mailboxes.length === 0
      ? html`<p class="muted">${t('noMailboxes')}</p>`
      : html`<table class="data-table">
<thead><tr><th scope="col">${t('address')}</th><th scope="col">${t('name')}</th><th scope="col">${t('status')}</th><th scope="col">${t('lastChanged')}</th><th scope="col"><span class="visually-hidden">${t('edit')}</span></th></tr></thead>
<tbody>${options.mailboxes.map(
          (
            row,
          ) => html`<tr><td>${row.account}</td><td>${row.displayName ?? ''}</td><td>${statusBadges(t, row)}</td><td>${row.lastChanged}</td>
<td class="actions"><a class="btn btn-icon" href="${usersHref(domain, row.account)}" title="${t('edit')} ${row.account}" aria-label="${t('edit')} ${row.account}" data-edit="${row.account}">${PENCIL_ICON}</a></td></tr>`,
        )}</tbody>
</table>`
}
${domain !== null && options.dialog ? renderDialog(t, options.csrfToken, domain, options.dialog) : ''}
</main>`;
}

/**
 * The page for a domain or mailbox the admin may not manage (sent with HTTP 403).
 *
 * @example
 * ```ts
 * sendPage(c, 'app-admin-panel', t('forbiddenDomain'), renderForbidden(t), [], 403);
 * ```
 */
export function renderForbidden(t: Translate): SafeHtml {
  return html`<main class="auth-page">
<div class="auth-card">
${adminBrand(t)}
${renderNotice({ kind: 'error', text: t('forbiddenDomain') })}
<a class="btn btn-primary" href="/users">${t('users')}</a>
</div>
</main>`;
}
