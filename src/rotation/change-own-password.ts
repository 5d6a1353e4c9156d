/** @module The owner changes their own password (webmail, user panel), giving the current one. */
import type { MailboxRecord } from '../ports/credential-store.js';
import { commitChange } from './commit-change.js';
import { agedOutBeyondGrace, domainOf, maxAgeExpiry, temporaryPasswordDead } from './decisions.js';
import { hashAhead } from './hash-ahead.js';
import { checkPolicy } from './policy-check.js';
import { runRevocations } from './run-revocations.js';
import { type Runtime, refuser, reserveFlowAttempt, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { PolicyRefusal, RateLimited, RevocationMode, RevocationReport, RotationDeps } from './types.js';

/**
 * The form an owner submits.
 *
 * @example
 * ```ts
 * const input: ChangeOwnPasswordInput = {
 *   account: 'alice@example.org', currentPassword: 'Old-Secret-41',
 *   newPassword: 'Fresh-Tulip-88', confirmation: 'Fresh-Tulip-88',
 *   revoke: 'all', clientKey: '203.0.113.5',
 * };
 * ```
 */
export interface ChangeOwnPasswordInput {
  /** The logged-in owner's full address. */
  readonly account: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The "repeat new password" field. */
  readonly confirmation: string;
  /** Which sessions to end. Default `all` ("log me out from everywhere"). */
  readonly revoke?: RevocationMode;
  /** The caller's web session, kept with `revoke: 'others'` (required then). */
  readonly sessionId?: string | null;
  /** The client (e.g. IP address) for per-client throttling. */
  readonly clientKey?: string;
}

/**
 * The outcome of {@link changeOwnPassword}.
 *
 * @example
 * ```ts
 * if (result.ok && result.revocation.pending.length > 0) showNotice('Some devices log out shortly');
 * ```
 */
export type ChangeOwnPasswordResult =
  | {
      readonly ok: true;
      readonly version: number;
      readonly changedAt: Date;
      readonly revocation: RevocationReport;
    }
  | { readonly ok: false; readonly code: 'invalid_current_password' }
  | { readonly ok: false; readonly code: 'confirmation_mismatch' }
  | PolicyRefusal
  | RateLimited
  | {
      readonly ok: false;
      readonly code: 'conflict' | 'not_found' | 'forbidden' | 'password_expired';
    }
  | StorageFailure;

/**
 * Changes the owner's password: reserve an attempt (per account and per client, counted before the
 * verify, so a burst runs at most the limit's worth of guesses; the mailbox is read meanwhile; a
 * right current password resets the account's count and gives the client its attempt back) →
 * verify the current
 * password (before anything new is hashed) → confirmation → policy (account context, similarity to
 * the current password, reuse of the last `historySize`) → hash (expiring after `passwordMaxAge`,
 * when set; started as soon as the synchronous rules pass, so it runs alongside the history and
 * breach checks) → compare-and-set with one outbox
 * row per revoker in the same write → run the revokers → audit and notify.
 *
 * Refusals are returned, never thrown: `rate_limited` (+`retryAfterMs`), `not_found`,
 * `invalid_current_password`, `forbidden` (disabled mailbox), `password_expired` (a temporary
 * password past its expiry, which ASVS 5.0 §6.4.1 says may not become the long-term one, or an
 * ordinary password past its expiry plus `expiredPasswordGraceMs`; an ordinary expired password
 * within the grace can still be changed), `confirmation_mismatch`, `policy_violation`
 * (+every violation), `conflict` (a racing change won), `storage_failure` (the store or the limiter
 * threw; nothing written, the old password still works). After the commit, a failing revoker
 * leaves its outbox row for `resumePendingRevocations` and is listed in `revocation.pending`; audit
 * and notification failures never undo the change.
 *
 * @throws TypeError when `revoke` is `others` without a `sessionId`, or revoker names repeat.
 * @throws The hasher's coded error when a stored hash is malformed.
 *
 * @example
 * ```ts
 * const result = await changeOwnPassword(deps, input);
 * if (!result.ok && result.code === 'policy_violation') render(result.violations);
 * ```
 */
export async function changeOwnPassword(
  deps: RotationDeps,
  input: ChangeOwnPasswordInput,
): Promise<ChangeOwnPasswordResult> {
  const rt = runtime(deps);
  const revoke = input.revoke ?? 'all';
  const keepSessionId = input.sessionId ?? null;
  if (revoke === 'others' && keepSessionId === null) {
    throw new TypeError("changeOwnPassword: revoke 'others' needs the caller's sessionId");
  }
  const account = input.account.toLowerCase();
  const refuse = refuser(rt, 'password_change_refused', account, account);

  // The attempt is reserved while the mailbox is read (a read is no guess; the verify waits for both).
  const [attempt, got] = await Promise.all([
    reserveFlowAttempt(rt, account, input.clientKey),
    stored(() => deps.store.get(account)),
  ]);
  if (!attempt.ok) return refuse(attempt);
  if (!got.ok || !got.value) {
    await attempt.release();
    return refuse(got.ok ? ({ ok: false, code: 'not_found' } as const) : got);
  }
  const record = got.value;

  if (!(await deps.hasher.verify(input.currentPassword, record.passwordHash))) {
    return refuse({ ok: false, code: 'invalid_current_password' } as const);
  }
  // The limiter's reset runs alongside the rest of the change (it never rejects).
  const reset = attempt.succeeded();
  const outcome = await changeVerified(rt, input, { account, revoke, keepSessionId, record, refuse });
  await reset;
  return outcome;
}

/** The change once the current password was verified: checks, write, revocations, audit. */
async function changeVerified(
  rt: Runtime,
  input: ChangeOwnPasswordInput,
  verified: {
    readonly account: string;
    readonly revoke: RevocationMode;
    readonly keepSessionId: string | null;
    readonly record: MailboxRecord;
    readonly refuse: ReturnType<typeof refuser>;
  },
): Promise<ChangeOwnPasswordResult> {
  const { deps } = rt;
  const { account, revoke, keepSessionId, record, refuse } = verified;
  if (!record.active) return refuse({ ok: false, code: 'forbidden' } as const);
  const now = rt.clock.now();
  const graceMs = deps.expiredPasswordGraceMs ?? Number.POSITIVE_INFINITY;
  if (temporaryPasswordDead(record, now) || agedOutBeyondGrace(record, now, graceMs))
    return refuse({ ok: false, code: 'password_expired' } as const);
  if (input.newPassword !== input.confirmation)
    return refuse({ ok: false, code: 'confirmation_mismatch' } as const);

  // Hashed while the history and breach checks run, once the synchronous rules accept it.
  const hashing = hashAhead(rt, input.newPassword, {
    account,
    ...(record.displayName === null ? {} : { displayName: record.displayName }),
    currentPassword: input.currentPassword,
  });
  const validation = await checkPolicy(rt, record, input.newPassword, input.currentPassword);
  if (!validation.ok) {
    return refuse({ ok: false, code: 'policy_violation', violations: validation.violations } as const);
  }

  const result = await commitChange(rt, {
    record,
    password: input.newPassword,
    ...(hashing === null ? {} : { passwordHash: hashing }),
    mustChange: false,
    expiresAt: maxAgeExpiry(deps.passwordMaxAge, domainOf(account) ?? record.domain, now),
    revoke,
    keepSessionId,
    now,
    audit: { type: 'password_changed', actor: account, details: { revoke } },
  });
  if (!result.ok) return refuse(result);
  // The change's audit event (unless the write recorded it) is recorded while the revokers run.
  const [, revocation] = await Promise.all([
    result.event === null ? undefined : rt.audit(result.event),
    runRevocations(rt, result.rows, account, result.applied, result.auditedInWrite),
  ]);
  await rt.notify({ kind: 'password_changed', account, at: result.changedAt, actor: 'self' });
  return { ok: true, version: result.version, changedAt: result.changedAt, revocation };
}
