/** @module Renders the "Devices and app passwords" section (plain forms, no script, strict CSP). */
import type { AppPasswordsView } from './app-passwords.js';
import { html, type SafeHtml } from './html.js';
import { renderNotice } from './layout.js';
import type { Translate } from './messages/index.js';

/**
 * The section: the password just created (once), the list with a Revoke button per device, and
 * the create form. No script: plain forms with the CSRF token.
 *
 * @example
 * ```ts
 * renderAppPasswordsSection(t, csrfToken, view);
 * ```
 */
export function renderAppPasswordsSection(t: Translate, csrfToken: string, view: AppPasswordsView): SafeHtml {
  const created = view.created
    ? html`<div class="notice notice-success app-password-created" role="status">
<p>${t('appPasswordCreated', { name: view.created.name })}</p>
<p><code class="app-password" id="new-app-password">${view.created.password}</code></p>
</div>`
    : '';
  const list =
    view.rows.length === 0
      ? html`<p class="muted">${t('noAppPasswords')}</p>`
      : html`<table class="data-table app-password-list">
<thead><tr><th scope="col">${t('deviceName')}</th><th scope="col">${t('createdAt')}</th><th scope="col"><span class="visually-hidden">${t('revoke')}</span></th></tr></thead>
<tbody>${view.rows.map(
          (row) => html`<tr><td>${row.name}</td><td>${row.created}</td>
<td class="actions"><form method="post" action="${view.action}/revoke">
<input type="hidden" name="_csrf" value="${csrfToken}">
<input type="hidden" name="id" value="${row.id}">
<button type="submit" class="btn btn-danger" aria-label="${t('revokeNamed', { name: row.name })}">${t('revoke')}</button>
</form></td></tr>`,
        )}</tbody>
</table>`;
  return html`<section class="card" id="devices" aria-labelledby="devices-heading">
<h2 id="devices-heading">${t('devicesSection')}</h2>
<p class="muted">${t('devicesIntro')}</p>
${renderNotice(view.notice)}
${created}
${list}
<form method="post" action="${view.action}#devices" class="app-password-form">
<input type="hidden" name="_csrf" value="${csrfToken}">
<div class="field">
<label for="device-name">${t('deviceName')}</label>
<input type="text" id="device-name" name="deviceName" required maxlength="64" autocomplete="off">
</div>
<div class="form-actions"><button type="submit" class="btn btn-primary">${t('createAppPassword')}</button></div>
</form>
</section>`;
}
