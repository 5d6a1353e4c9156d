/** @module The owner sets a new password through a reset link: check, consume the token, commit, log out everywhere. */
import type { MailboxRecord } from '../ports/credential-store.js';
import { resetTokenDigest } from '../ports/reset-token-digest.js';
import type { ResetTokenRecord, ResetTokenStore } from '../ports/reset-token-store.js';
import { commitChange } from './commit-change.js';
import { domainOf, maxAgeExpiry } from './decisions.js';
import { hashAhead } from './hash-ahead.js';
import { checkPolicy } from './policy-check.js';
import { isResetTokenShaped } from './reset-token.js';
import { runRevocations } from './run-revocations.js';
import { type Runtime, refuser, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { PolicyRefusal, RevocationReport, RotationDeps } from './types.js';

/**
 * The reset form as submitted: the token from the link (a hidden field) and the new password twice.
 *
 * @example
 * ```ts
 * const input: CompletePasswordResetInput = {
 *   token: form.token, newPassword: 'Fresh-Tulip-88', confirmation: 'Fresh-Tulip-88', clientKey: ip,
 * };
 * ```
 */
export interface CompletePasswordResetInput {
  readonly token: string;
  readonly newPassword: string;
  readonly confirmation: string;
  /** The client, for the audit trail. */
  readonly clientKey?: string;
}

/**
 * The outcome of {@link completePasswordReset}. `invalid_token` covers an unknown, expired, used or
 * stale token (the password changed since it was issued) alike.
 *
 * @example
 * ```ts
 * if (result.ok) redirect(`/login?account=${encodeURIComponent(result.account)}`);
 * ```
 */
export type CompletePasswordResetResult =
  | {
      readonly ok: true;
      readonly account: string;
      readonly version: number;
      readonly changedAt: Date;
      readonly revocation: RevocationReport;
    }
  | { readonly ok: false; readonly code: 'invalid_token' }
  | { readonly ok: false; readonly code: 'confirmation_mismatch' }
  | PolicyRefusal
  | { readonly ok: false; readonly code: 'conflict' | 'not_found' | 'forbidden' }
  | StorageFailure;

/**
 * The outcome of {@link checkPasswordReset}: the account a live token resets, for the form.
 *
 * @example
 * ```ts
 * if (!checked.ok) return showExpiredLinkPage();
 * ```
 */
export type CheckPasswordResetResult =
  | { readonly ok: true; readonly account: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly code: 'invalid_token' }
  | StorageFailure;

const INVALID = { ok: false, code: 'invalid_token' } as const;

type Usable =
  | {
      readonly ok: true;
      readonly token: ResetTokenRecord;
      readonly digest: string;
      readonly record: MailboxRecord;
      readonly resetTokens: ResetTokenStore;
    }
  | typeof INVALID
  | StorageFailure;

/** The live token for `token` and its mailbox, still at the version the token was issued for. */
async function usableToken(rt: Runtime, token: string, now: Date): Promise<Usable> {
  const resetTokens = rt.deps.resetTokens;
  if (!resetTokens) throw new TypeError('password reset: deps.resetTokens is required');
  if (!isResetTokenShaped(token)) return INVALID;
  const digest = await resetTokenDigest(token);
  const found = await stored(() => resetTokens.find(digest, now));
  if (!found.ok) return found;
  const issued = found.value;
  if (!issued) return INVALID;
  const got = await stored(() => rt.deps.store.get(issued.account));
  if (!got.ok) return got;
  // A password write since the token was issued (a change, an admin reset, another reset) makes it stale.
  if (!got.value || got.value.version !== issued.version) return INVALID;
  return { ok: true, token: issued, digest, record: got.value, resetTokens };
}

/**
 * Checks a reset link before showing its form: `{ ok: true, account }` while the token is live
 * and the password unchanged since it was issued, `invalid_token` otherwise. Consumes nothing.
 *
 * @throws TypeError when `deps.resetTokens` is missing.
 *
 * @example
 * ```ts
 * const checked = await checkPasswordReset(deps, { token: params.token });
 * if (checked.ok) renderResetForm(checked.account);
 * ```
 */
export async function checkPasswordReset(
  deps: RotationDeps,
  input: { readonly token: string },
): Promise<CheckPasswordResetResult> {
  const rt = runtime(deps);
  const usable = await usableToken(rt, input.token, rt.clock.now());
  if (!usable.ok) return usable;
  return { ok: true, account: usable.record.account, expiresAt: usable.token.expiresAt };
}

/**
 * Completes a password reset: the token must be live (`now < expiresAt`), unused, and issued for
 * the mailbox's current version (any password write since invalidates it) → the mailbox must be
 * active → confirmation → policy (account context, reuse of the last `historySize` passwords;
 * the new password is hashed alongside once the synchronous rules pass) — a refusal so far leaves
 * the token usable → the token is consumed atomically (of two racing
 * submissions exactly one goes on; the other gets `invalid_token`) → the same commit as a change:
 * compare-and-set at the token's version with `revoke: 'all'` (web sessions, Dovecot and every
 * other revoker), `mustChange` cleared → the account's other tokens deleted, its login-attempt
 * count reset → `password_reset_completed` audited (no token, no digest) and `password_changed`
 * notified.
 *
 * A `conflict` or `storage_failure` after the token was consumed leaves the old password in place;
 * the owner asks for a new link.
 *
 * @throws TypeError when `deps.resetTokens` is missing.
 *
 * @example
 * ```ts
 * const result = await completePasswordReset(deps, { token, newPassword, confirmation, clientKey: ip });
 * if (!result.ok && result.code === 'policy_violation') render(result.violations);
 * ```
 */
export async function completePasswordReset(
  deps: RotationDeps,
  input: CompletePasswordResetInput,
): Promise<CompletePasswordResetResult> {
  const rt = runtime(deps);
  const now = rt.clock.now();
  const details = input.clientKey === undefined ? {} : { client: input.clientKey };
  const usable = await usableToken(rt, input.token, now);
  if (!usable.ok) return refuser(rt, 'password_reset_refused', '', 'anonymous', details)(usable);
  const { record, digest, resetTokens } = usable;
  const account = record.account;
  const refuse = refuser(rt, 'password_reset_refused', account, account, details);
  if (!record.active) return refuse({ ok: false, code: 'forbidden' } as const);
  if (input.newPassword !== input.confirmation) {
    return refuse({ ok: false, code: 'confirmation_mismatch' } as const);
  }
  // Hashed while the history check and the token's consumption run, once the synchronous rules pass.
  const hashing = hashAhead(rt, input.newPassword, {
    account,
    ...(record.displayName === null ? {} : { displayName: record.displayName }),
  });
  const validation = await checkPolicy(rt, record, input.newPassword, null);
  if (!validation.ok) {
    return refuse({ ok: false, code: 'policy_violation', violations: validation.violations } as const);
  }
  const consumed = await stored(() => resetTokens.consume(digest, now));
  if (!consumed.ok) return refuse(consumed);
  if (!consumed.value) return refuse(INVALID);

  const result = await commitChange(rt, {
    record,
    password: input.newPassword,
    ...(hashing === null ? {} : { passwordHash: hashing }),
    mustChange: false,
    expiresAt: maxAgeExpiry(deps.passwordMaxAge, domainOf(account) ?? record.domain, now),
    revoke: 'all',
    keepSessionId: null,
    now,
  });
  if (!result.ok) return refuse(result);
  await Promise.allSettled([resetTokens.deleteAll(account), deps.limiter?.reset(`account:${account}`)]);
  const [, revocation] = await Promise.all([
    rt.audit({
      type: 'password_reset_completed',
      account,
      actor: account,
      outcome: 'ok',
      at: result.changedAt,
      details: { ...details, revoke: 'all', revokers: result.rows.map((r) => r.revoker) },
    }),
    runRevocations(rt, result.rows, account),
  ]);
  await rt.notify({ kind: 'password_changed', account, at: result.changedAt, actor: 'self' });
  return { ok: true, account, version: result.version, changedAt: result.changedAt, revocation };
}
