/** @module English refusal messages. */
import type { RefusalMessages } from './messages.js';

/**
 * English (`en`).
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'conflict' }, { locale: 'en' });
 * ```
 */
export const en: RefusalMessages = {
  invalid_current_password: () => 'The current password is not correct.',
  confirmation_mismatch: () => 'The new password and its confirmation do not match.',
  policy_violation: (r, h) => `The new password does not meet every requirement: ${h.violations(r)}`,
  rate_limited: (r, h) => `Too many attempts. Please try again in ${h.duration(r.retryAfterMs)}.`,
  conflict: () => 'The password was changed somewhere else at the same moment. Please try again.',
  not_found: () => 'This mailbox does not exist.',
  forbidden: () => 'You are not allowed to change this password.',
  password_expired: () => 'This password has expired. Please ask your administrator for a new one.',
  storage_failure: () => 'The password service is unavailable; nothing was changed. Please try again later.',
  invalid_credentials: () => 'The email address or password is incorrect.',
  inactive: () => 'This mailbox is disabled.',
  failed: (r) => `The password of ${r.account} could not be set (${r.reason}).`,
  invalid_token: () =>
    'This reset link is not valid any more (used, expired or replaced). Please ask for a new one.',
};
