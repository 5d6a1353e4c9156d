/**
 * @module The new-password block shared by the three apps: a `<passrotate-password>` element around
 * the field with the policy's HTML attributes, the requirement lines and the confirmation field; the
 * element adds the show/generate/copy buttons and ticks the lines.
 */
import { attributes, html, type SafeHtml } from './html.js';
import type { Translate } from './messages/index.js';

/** One requirement line as `describePolicy` words it (the list script-less browsers show). */
export interface RequirementLine {
  readonly code: string;
  readonly text: string;
}

/** What the block needs. */
export interface PasswordFieldsOptions {
  readonly t: Translate;
  /** Attributes from `toHtmlAttributes(policy)` (minlength, maxlength, passwordrules, autocomplete). */
  readonly inputAttributes: Readonly<Record<string, string | number | boolean>>;
  /** The policy spec as JSON (`data-policy`), re-defined in the browser by the element. */
  readonly policyJson: string;
  readonly requirements: readonly RequirementLine[];
  /** The mailbox the password is for (the policy's account check). */
  readonly account: string;
  readonly displayName?: string | null;
  /** Render the confirmation field (the admin dialog has none: the admin copies the value). */
  readonly confirm: boolean;
  /** Render a "Copy" button (admin dialog). */
  readonly copy: boolean;
  /** Selector of the current-password input, when the form has one (the similarity line). */
  readonly currentSelector?: string | null;
  /** Label of the generate button; the admin panel calls it "New". */
  readonly generateLabel: string;
  /** Prefix for element ids, unique on the page. */
  readonly idPrefix: string;
}

/**
 * Renders the block. Without script it still works (the server validates everything); with the
 * element's script, requirement lines tick as the user types and buttons generate, show and copy.
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
  const confirmId = `${idPrefix}-confirm`;
  const element = {
    class: 'password-fields',
    'data-policy': options.policyJson,
    'data-account': options.account,
    'data-display-name': options.displayName ?? '',
    'data-confirm': options.confirm ? `#${confirmId}` : false,
    'data-current': options.currentSelector ?? false,
    'data-actions': options.copy ? 'show generate copy' : 'show generate',
    'data-button-class': 'btn',
    'data-label-generate': options.generateLabel,
    // The list arrives as its own chunk at the first focus; until then the server-side check is named.
    'data-common-passwords': 'lazy',
  };
  return html`<passrotate-password${attributes(element)}>
<div class="field">
<label for="${idPrefix}-new">${t('newPassword')}</label>
<div class="input-group">
<input type="password" id="${idPrefix}-new" name="newPassword" required data-role="new" aria-describedby="${requirementsId}"${attributes(options.inputAttributes)}>
</div>
<div class="requirements-box" id="${requirementsId}">
<p class="requirements-title">${t('requirementsTitle')}</p>
<ul class="requirements" data-role="requirements">
${options.requirements.map((line) => html`<li data-code="${line.code}">${line.text}</li>`)}
</ul>
</div>
</div>
${
  options.confirm
    ? html`<div class="field">
<label for="${confirmId}">${t('confirmPassword')}</label>
<input type="password" id="${confirmId}" name="confirmPassword" required autocomplete="new-password" data-role="confirm">
</div>`
    : ''
}
</passrotate-password>`;
}
