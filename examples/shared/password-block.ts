/** @module Builds the new-password block for one account from the services' policy, in the page's language. */
import { describePolicy, formatViolation, toHtmlAttributes, type Violation } from '../../src/index.js';
import type { AppContext } from './app-base.js';
import type { SafeHtml } from './html.js';
import { renderPasswordFields } from './password-fields.js';
import type { ExampleServices } from './services.js';

/** Which variant of the block. */
export interface PasswordBlockOptions {
  readonly account: string;
  readonly displayName: string | null;
  /**
   * Webmail and user panel (`owner`, with the current password; `reset`, without): a confirmation
   * field. Admin dialog: a Copy button instead.
   */
  readonly variant: 'owner' | 'reset' | 'admin';
  readonly idPrefix: string;
}

/**
 * The block with `toHtmlAttributes(policy)` on the input and `describePolicy` lines.
 *
 * @example
 * ```ts
 * passwordBlock(c, services, { account, displayName, variant: 'owner', idPrefix: 'pw' });
 * ```
 */
export function passwordBlock(
  c: AppContext,
  services: ExampleServices,
  options: PasswordBlockOptions,
): SafeHtml {
  const t = c.get('t');
  const locale = c.get('locale');
  return renderPasswordFields({
    t,
    inputAttributes: toHtmlAttributes(services.policy),
    policyJson: JSON.stringify(services.policySpec),
    // Without the current password (admin, reset link), similarity to it is not checked.
    requirements: describePolicy(services.policy, { locale })
      .filter((line) => options.variant === 'owner' || line.code !== 'too_similar_to_current')
      .map((line) => ({ code: line.code, text: line.text })),
    account: options.account,
    displayName: options.displayName,
    confirm: options.variant !== 'admin',
    // The owner pages' current-password field (webmail and user panel).
    currentSelector: options.variant === 'owner' ? '#current-password' : null,
    copy: options.variant === 'admin',
    generateLabel: options.variant === 'admin' ? t('newButton') : t('generate'),
    idPrefix: options.idPrefix,
  });
}

/**
 * Every violation as a sentence in the page's language.
 *
 * @example
 * ```ts
 * violationLines(c, result.violations);
 * ```
 */
export function violationLines(c: AppContext, violations: readonly Violation[]): string[] {
  const locale = c.get('locale');
  return violations.map((violation) => formatViolation(violation, { locale }));
}
