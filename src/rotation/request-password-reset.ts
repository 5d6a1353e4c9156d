/** @module The owner forgot the password: mail a single-use reset link to the recovery address. */
import type { LocaleId } from '../policy/locales/messages.js';
import type { MailboxRecord } from '../ports/credential-store.js';
import { resetTokenDigest } from '../ports/reset-token-digest.js';
import type { ResetTokenStore } from '../ports/reset-token-store.js';
import { DEFAULT_RESET_TOKEN_TTL_MS, newResetToken } from './reset-token.js';
import { type Runtime, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RateLimited, RotationDeps } from './types.js';

/**
 * A reset request, as the "Forgot password?" form submits it.
 *
 * @example
 * ```ts
 * const input: RequestPasswordResetInput = {
 *   account: 'alice@example.org',
 *   clientKey: '203.0.113.5',
 *   resetUrl: (token) => `https://mail.example.org/reset/${token}`,
 * };
 * ```
 */
export interface RequestPasswordResetInput {
  /** The address typed into the form (any string: it may name no mailbox). */
  readonly account: string;
  /** The client (e.g. IP address) for the per-client limit. */
  readonly clientKey?: string;
  /** Builds the link of the reset form from the token (put it in the path or the query). */
  readonly resetUrl: (token: string) => string;
  /** Language of the mail, when the notifier honours it (the SMTP notifier does). */
  readonly locale?: LocaleId;
}

/**
 * The outcome of {@link requestPasswordReset}: the same `{ ok: true }` whether the account exists,
 * is disabled, has no recovery address or is over its limit. `delivery` settles when the lookup,
 * the token and the mail are done; it never rejects (failures are audited). Do not wait for it
 * before answering the request: its duration depends on the account.
 *
 * @example
 * ```ts
 * const result = await requestPasswordReset(deps, input);
 * if (result.ok) void result.delivery; // answer now; tests may await it
 * ```
 */
export type RequestPasswordResetResult =
  | { readonly ok: true; readonly delivery: Promise<void> }
  | RateLimited
  | StorageFailure;

/** What happened to one request, for the audit trail (never for the requester). */
type DeliveryOutcome =
  | 'ok'
  | 'account_rate_limited'
  | 'unknown_account'
  | 'inactive'
  | 'no_recovery_address'
  | 'storage_failure';

/**
 * Starts a password reset without revealing whether `account` exists:
 *
 * 1. before answering, only the per-client limit (`resetLimiters.client`) runs: `rate_limited`
 *    is about the client, never the account;
 * 2. everything that depends on the account runs after the answer, in `delivery`: the per-account
 *    limit (`resetLimiters.account`; once exceeded nothing is sent, silently), the lookup (unknown or
 *    disabled mailboxes get nothing), the recovery address (`recoveryAddresses`, else per
 *    `resetFallback`; none → nothing sent), a fresh 256-bit token whose SHA-256 digest alone is
 *    stored with the mailbox's version and an expiry (`resetTokenTtlMs`, default 30 minutes), and
 *    the `password_reset_requested` notification to that address.
 *
 * So the answer and its timing are the same for every account: the requester cannot tell an
 * existing account by the reply or by how long the SMTP server took. A failed send is audited as
 * `notification_failed`, a failed store as `password_reset_requested` with outcome
 * `storage_failure`; the token and its digest appear in no audit event. Expired tokens are purged
 * on the way.
 *
 * @throws TypeError when `deps.resetTokens` is missing.
 *
 * @example
 * ```ts
 * const result = await requestPasswordReset(deps, {
 *   account: form.email, clientKey: ip, resetUrl: (token) => `https://mail.example.org/reset/${token}`,
 * });
 * if (!result.ok && result.code === 'rate_limited') return tooManyRequests(result.retryAfterMs);
 * return showSameMessageToEveryone();
 * ```
 */
export async function requestPasswordReset(
  deps: RotationDeps,
  input: RequestPasswordResetInput,
): Promise<RequestPasswordResetResult> {
  const resetTokens = deps.resetTokens;
  if (!resetTokens) throw new TypeError('requestPasswordReset: deps.resetTokens is required');
  const rt = runtime(deps);
  const clientLimiter = deps.resetLimiters?.client;
  if (clientLimiter && input.clientKey !== undefined) {
    const decision = await stored(() => clientLimiter.consume(`reset-client:${input.clientKey}`));
    if (!decision.ok) return decision;
    if (!decision.value.allowed) {
      return { ok: false, code: 'rate_limited', retryAfterMs: decision.value.retryAfterMs };
    }
  }
  const account = input.account.trim().toLowerCase();
  const delivery = deliver(rt, resetTokens, account, input).then(
    (outcome) => audit(rt, account, outcome),
    () => audit(rt, account, 'storage_failure'),
  );
  return { ok: true, delivery };
}

function audit(rt: Runtime, account: string, outcome: DeliveryOutcome): Promise<void> {
  return rt.audit({ type: 'password_reset_requested', account, actor: 'anonymous', outcome });
}

async function deliver(
  rt: Runtime,
  resetTokens: ResetTokenStore,
  account: string,
  input: RequestPasswordResetInput,
): Promise<DeliveryOutcome> {
  const { deps } = rt;
  const now = rt.clock.now();
  await stored(() => resetTokens.purgeExpired(now));
  const accountLimiter = deps.resetLimiters?.account;
  if (accountLimiter) {
    const decision = await accountLimiter.consume(`reset-account:${account}`);
    if (!decision.allowed) return 'account_rate_limited';
  }
  const record = await deps.store.get(account);
  if (!record) return 'unknown_account';
  if (!record.active) return 'inactive';
  const recipient = await recoveryAddressOf(rt, record);
  if (recipient === null) return 'no_recovery_address';
  const token = newResetToken(rt.random);
  const expiresAt = new Date(now.getTime() + (deps.resetTokenTtlMs ?? DEFAULT_RESET_TOKEN_TTL_MS));
  await resetTokens.save({
    digest: await resetTokenDigest(token),
    account: record.account,
    version: record.version,
    createdAt: now,
    expiresAt,
  });
  await rt.notify({
    kind: 'password_reset_requested',
    account: record.account,
    at: now,
    actor: 'self',
    url: input.resetUrl(token),
    expiresAt,
    recipient,
    ...(input.locale === undefined ? {} : { locale: input.locale }),
  });
  return 'ok';
}

async function recoveryAddressOf(rt: Runtime, record: MailboxRecord): Promise<string | null> {
  const found = (await rt.deps.recoveryAddresses?.recoveryAddress(record.account))?.trim();
  if (found) return found;
  return rt.deps.resetFallback === 'account' ? record.account : null;
}
