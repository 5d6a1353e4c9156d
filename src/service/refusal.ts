/** @module Turns a flow's refusal into an HTTP status, a stable code and a one-line reason in the caller's language. */
import { formatViolation, type LocaleId, type Violation } from '../policy/index.js';
import { type ReasonCode, reasonText } from './messages.js';

/** A refusal as the service answers it. */
export interface ServiceRefusal {
  readonly status: 400 | 403 | 404 | 409 | 422 | 429 | 503;
  readonly code: string;
  /** One line, no password in it. */
  readonly message: string;
  /** Each broken rule with its sentence (policy refusals only). */
  readonly violations?: readonly { readonly code: string; readonly message: string }[];
  readonly retryAfterMs?: number;
}

type FlowRefusal =
  | { readonly ok: false; readonly code: 'policy_violation'; readonly violations: readonly Violation[] }
  | { readonly ok: false; readonly code: 'rate_limited'; readonly retryAfterMs: number }
  | {
      readonly ok: false;
      readonly code: Exclude<ReasonCode, 'policy_violation' | 'rate_limited'> | 'not_found';
    };

const STATUS: { readonly [C in FlowRefusal['code']]: ServiceRefusal['status'] } = {
  invalid_current_password: 403,
  not_found: 403,
  forbidden: 403,
  password_expired: 403,
  confirmation_mismatch: 422,
  policy_violation: 422,
  conflict: 409,
  rate_limited: 429,
  storage_failure: 503,
};

/**
 * The answer to an owner's refused change. An unknown mailbox reads exactly like a wrong current
 * password (`invalid_current_password`), so the service does not tell which addresses exist.
 */
export function ownerRefusal(result: FlowRefusal, locale: LocaleId): ServiceRefusal {
  const code = result.code === 'not_found' ? 'invalid_current_password' : result.code;
  return describe({ ...result, code } as FlowRefusal, locale);
}

/** The answer to an admin's refused set: `not_found` is 404 and `forbidden` means outside the admin's domains. */
export function adminRefusal(result: FlowRefusal, locale: LocaleId): ServiceRefusal {
  if (result.code === 'not_found') return { status: 404, code: 'not_found', message: 'No such mailbox.' };
  if (result.code === 'forbidden') {
    return { status: 403, code: 'forbidden', message: 'This credential has no rights on that domain.' };
  }
  return describe(result, locale);
}

function describe(result: FlowRefusal, locale: LocaleId): ServiceRefusal {
  const status = STATUS[result.code];
  if (result.code === 'policy_violation') {
    const violations = result.violations.map((v) => ({
      code: v.code,
      message: formatViolation(v, { locale }),
    }));
    const message = [reasonText('policy_violation', locale), ...violations.map((v) => v.message)].join(' ');
    return { status, code: result.code, message, violations };
  }
  const reason = result.code === 'not_found' ? 'invalid_current_password' : result.code;
  return {
    status,
    code: result.code,
    message: reasonText(reason, locale),
    ...(result.code === 'rate_limited' ? { retryAfterMs: result.retryAfterMs } : {}),
  };
}
