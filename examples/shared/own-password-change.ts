/** @module Runs `changeOwnPassword` for a submitted form and turns every refusal into a notice. */
import { type ChangeOwnPasswordResult, changeOwnPassword } from '../../src/index.js';
import { type AppContext, clientAddress, formField } from './app-base.js';
import type { Notice } from './layout.js';
import { violationLines } from './password-block.js';
import type { ExampleServices } from './services.js';

/** The outcome for the page: the library's result, and a notice when it was refused. */
export type OwnChangeOutcome =
  | { readonly ok: true; readonly result: Extract<ChangeOwnPasswordResult, { ok: true }> }
  | { readonly ok: false; readonly notice: Notice; readonly status: 400 | 409 | 429 | 500 };

/**
 * Reads `currentPassword`, `newPassword` and `confirmPassword` from the form and changes the
 * signed-in owner's password, revoking every session of the mailbox (web sessions of every app
 * sharing the session store, and IMAP when a Dovecot revoker is configured).
 *
 * @example
 * ```ts
 * const outcome = await submitOwnPasswordChange(c, services, session.account);
 * ```
 */
export async function submitOwnPasswordChange(
  c: AppContext,
  services: ExampleServices,
  account: string,
): Promise<OwnChangeOutcome> {
  const t = c.get('t');
  const result = await changeOwnPassword(services.rotation, {
    account,
    currentPassword: await formField(c, 'currentPassword'),
    newPassword: await formField(c, 'newPassword'),
    confirmation: await formField(c, 'confirmPassword'),
    revoke: 'all',
    clientKey: clientAddress(c),
  });
  if (result.ok) return { ok: true, result };
  switch (result.code) {
    case 'policy_violation':
      return {
        ok: false,
        status: 400,
        notice: { kind: 'error', text: t('policyViolation'), items: violationLines(c, result.violations) },
      };
    case 'invalid_current_password':
      return { ok: false, status: 400, notice: { kind: 'error', text: t('invalidCurrentPassword') } };
    case 'confirmation_mismatch':
      return { ok: false, status: 400, notice: { kind: 'error', text: t('confirmationMismatch') } };
    case 'rate_limited':
      return { ok: false, status: 429, notice: { kind: 'error', text: t('rateLimited') } };
    case 'conflict':
      return { ok: false, status: 409, notice: { kind: 'error', text: t('conflict') } };
    default:
      return { ok: false, status: 500, notice: { kind: 'error', text: t('tryLater') } };
  }
}
