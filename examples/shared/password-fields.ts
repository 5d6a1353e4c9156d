/**
 * @module The new-password block shared by the three apps: the field with the policy's HTML
 * attributes, show/hide and generate buttons, the requirement lines (ticked live by the browser
 * script) and the confirmation field.
 */
import { attributes, html, type SafeHtml } from './html.js';
import type { Translate } from './messages/index.js';

/** One requirement line: its code (as in `describePolicy`) and the violation codes that leave it unmet. */
export interface RequirementLine {
  readonly code: string;
  readonly text: string;
  readonly codes: readonly string[];
}

/** What the block needs. */
export interface PasswordFieldsOptions {
  readonly t: Translate;
  /** Attributes from `toHtmlAttributes(policy)` (minlength, maxlength, passwordrules, autocomplete). */
  readonly inputAttributes: Readonly<Record<string, string | number | boolean>>;
  /** The policy spec as JSON, re-defined in the browser by the same library bundle. */
  readonly policyJson: string;
  readonly requirements: readonly RequirementLine[];
  /** The mailbox the password is for (the policy's account check). */
  readonly account: string;
  readonly displayName?: string | null;
  /** Render the confirmation field (the admin dialog has none: the admin copies the value). */
  readonly confirm: boolean;
  /** Render a "Copy" button (admin dialog). */
  readonly copy: boolean;
  /** Label of the generate button; the admin panel calls it "New". */
  readonly generateLabel: string;
  /** Prefix for element ids, unique on the page. */
  readonly idPrefix: string;
}

const REFRESH_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12a9 9 0 1 1-2.64-6.36"/><path d="M21 3v6h-6"/></svg>`;
const EYE_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"/><circle cx="12" cy="12" r="3"/></svg>`;
const COPY_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/></svg>`;

/**
 * Renders the block. Without script it still works (the server validates everything); with the
 * script, requirement lines tick as the user types and the buttons generate, show and copy.
 *
 * @example
 * ```ts
 * renderPasswordFields({ t, inputAttributes: toHtmlAttributes(policy), policyJson, requirements, account,
 *   confirm: true, copy: false, generateLabel: t('generate'), idPrefix: 'pw' });
 * ```
 */
export function renderPasswordFields(options: PasswordFieldsOptions): SafeHtml {
  const { t, idPrefix } = options;
  const requirementsId = `${idPrefix}-requirements`;
  return html`<div class="password-fields" data-password-fields data-policy="${options.policyJson}" data-account="${options.account}" data-display-name="${options.displayName ?? ''}">
<div class="field">
<label for="${idPrefix}-new">${t('newPassword')}</label>
<div class="input-group">
<input type="password" id="${idPrefix}-new" name="newPassword" required data-role="new" aria-describedby="${requirementsId}"${attributes(options.inputAttributes)}>
<button type="button" class="btn" data-action="toggle" data-show-label="${t('show')}" data-hide-label="${t('hide')}" aria-pressed="false" title="${t('show')}">${EYE_ICON}<span data-role="toggle-label">${t('show')}</span></button>
<button type="button" class="btn" data-action="generate" title="${t('generateTitle')}">${REFRESH_ICON}<span>${options.generateLabel}</span></button>
${options.copy ? html`<button type="button" class="btn" data-action="copy" data-copied-label="${t('copied')}">${COPY_ICON}<span data-role="copy-label">${t('copy')}</span></button>` : ''}
</div>
<div class="requirements-box" id="${requirementsId}">
<p class="requirements-title">${t('requirementsTitle')}</p>
<ul class="requirements" data-role="requirements">
${options.requirements.map((line) => html`<li class="unmet" data-code="${line.code}" data-codes="${line.codes.join(' ')}" data-met-label="${t('requirementMet')}" data-unmet-label="${t('requirementUnmet')}">${line.text}<span class="visually-hidden" data-role="state"> (${t('requirementUnmet')})</span></li>`)}
</ul>
</div>
</div>
${
  options.confirm
    ? html`<div class="field">
<label for="${idPrefix}-confirm">${t('confirmPassword')}</label>
<input type="password" id="${idPrefix}-confirm" name="confirmPassword" required autocomplete="new-password" data-role="confirm">
<div class="match-hint" data-role="match" data-mismatch-label="${t('confirmationMismatch')}" aria-live="polite"></div>
</div>`
    : ''
}
</div>`;
}
