/** @module The HTML page shell shared by the three example servers. */
import { html, type SafeHtml } from './html.js';
import type { UiLocale } from './negotiate-locale.js';

/** What a page needs besides its body. */
export interface PageOptions {
  readonly title: string;
  readonly locale: UiLocale;
  /** Body class naming the product, e.g. `app-webmail` (selects the accent colour). */
  readonly appClass: string;
  readonly body: SafeHtml;
  /** Script files (served by the app under `/assets/`) loaded as modules. */
  readonly scripts?: readonly string[];
}

/**
 * Renders a full HTML document: no inline script or style, so the strict CSP holds.
 *
 * @example
 * ```ts
 * c.html(renderPage({ title: 'Sign in', locale: 'en', appClass: 'app-webmail', body: html`<main>…</main>` }).value);
 * ```
 */
export function renderPage(options: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${options.title}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
${(options.scripts ?? []).map((src) => html`<script type="module" src="/assets/${src}"></script>`)}
</head>
<body class="${options.appClass}">
${options.body}
</body>
</html>`;
}

/** A notice shown above a form. */
export interface Notice {
  readonly kind: 'error' | 'success' | 'info';
  readonly text: string;
  /** Extra lines (e.g. every unmet requirement). */
  readonly items?: readonly string[];
}

/**
 * Renders a notice box (role=alert for errors so screen readers announce it).
 *
 * @example
 * ```ts
 * renderNotice({ kind: 'error', text: t('loginFailed') });
 * ```
 */
export function renderNotice(notice: Notice | null): SafeHtml {
  if (!notice) return html``;
  return html`<div class="notice notice-${notice.kind}" ${notice.kind === 'error' ? html`role="alert"` : html`role="status"`}>
<p>${notice.text}</p>
${notice.items && notice.items.length > 0 ? html`<ul class="violations">${notice.items.map((item) => html`<li>${item}</li>`)}</ul>` : ''}
</div>`;
}
