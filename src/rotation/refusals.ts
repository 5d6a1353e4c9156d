/** @module Every refusal a rotation flow returns, collected from the flows' result types. */
import type { AdminSetPasswordResult } from './admin-set-password.js';
import type { ChangeOwnPasswordResult } from './change-own-password.js';
import type { CompletePasswordResetResult } from './complete-password-reset.js';
import type { ExpirePasswordResult } from './expire-password.js';
import type { ResumeResult } from './resume-pending-revocations.js';
import type { RotateDomainResult, RotatedMailbox } from './rotate-domain.js';
import type { VerifyLoginResult } from './verify-login.js';

/**
 * Any refusal (`ok: false`) of `changeOwnPassword`, `completePasswordReset`, `adminSetPassword`, `verifyLogin`,
 * `expirePassword`, `rotateDomain` (and each of its mailboxes) or `resumePendingRevocations`. A new
 * code in a flow's result type joins it, and the locales fail to typecheck until they translate it.
 *
 * @example
 * ```ts
 * const result = await changeOwnPassword(deps, input);
 * if (!result.ok) { const refusal: FlowRefusal = result; console.log(refusal.code); }
 * ```
 */
export type FlowRefusal = Extract<
  | ChangeOwnPasswordResult
  | CompletePasswordResetResult
  | AdminSetPasswordResult
  | VerifyLoginResult
  | ExpirePasswordResult
  | RotateDomainResult
  | RotatedMailbox
  | ResumeResult,
  { readonly ok: false }
>;

/**
 * The code of any {@link FlowRefusal}.
 *
 * @example
 * ```ts
 * const code: RefusalCode = 'rate_limited';
 * ```
 */
export type RefusalCode = FlowRefusal['code'];

/**
 * The refusal(s) carrying `code`, narrowed to that code (a member such as
 * `{ code: 'conflict' | 'not_found' }` counts for each of its codes).
 *
 * @example
 * ```ts
 * const limited: RefusalOf<'rate_limited'> = { ok: false, code: 'rate_limited', retryAfterMs: 30_000 };
 * ```
 */
export type RefusalOf<C extends RefusalCode> = FlowRefusal extends infer R
  ? R extends { readonly code: infer K }
    ? C extends K
      ? Omit<R, 'code'> & { readonly code: C }
      : never
    : never
  : never;
