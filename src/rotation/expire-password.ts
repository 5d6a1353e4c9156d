/** @module Forces a mailbox's owner to choose a new password at next login. */
import { domainOf, mayManage, outboxRows } from './decisions.js';
import { runRevocations } from './run-revocations.js';
import { runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { Actor, RevocationMode, RevocationReport, RotationDeps } from './types.js';

/**
 * Which mailbox to expire, by whom.
 *
 * @example
 * ```ts
 * const input: ExpirePasswordInput = { actor: { name: 'ops', superadmin: true, domains: [] }, account: 'alice@example.org' };
 * ```
 */
export interface ExpirePasswordInput {
  readonly actor: Actor;
  readonly account: string;
  /** Sessions to end now. Default `none`: the owner meets the change form at next login. */
  readonly revoke?: Exclude<RevocationMode, 'others'>;
}

/**
 * The outcome of {@link expirePassword}.
 *
 * @example
 * ```ts
 * if (!result.ok) console.error(result.code);
 * ```
 */
export type ExpirePasswordResult =
  | { readonly ok: true; readonly version: number; readonly revocation: RevocationReport }
  | { readonly ok: false; readonly code: 'forbidden' | 'not_found' | 'conflict' }
  | StorageFailure;

/**
 * Marks the password must-change: the current password still logs in once (`verifyLogin` answers
 * `mustChange: true`) and the owner must pick a new one. The hash and its history stay as they are
 * (a flags-only compare-and-set) and any expiry is cleared, so the forced change stays possible.
 * Audited as `password_expired` with the actor; the owner is notified.
 *
 * @example
 * ```ts
 * await expirePassword(deps, { actor, account: 'alice@example.org', revoke: 'all' });
 * ```
 */
export async function expirePassword(
  deps: RotationDeps,
  input: ExpirePasswordInput,
): Promise<ExpirePasswordResult> {
  const rt = runtime(deps);
  const account = input.account.toLowerCase();
  const audit = (outcome: string, details?: { readonly cause: string }) =>
    rt.audit({
      type: 'password_expired',
      account,
      actor: input.actor.name,
      outcome,
      ...(details ? { details } : {}),
    });
  const domain = domainOf(account);
  if (domain === null || !mayManage(input.actor, domain)) {
    await audit('forbidden');
    return { ok: false, code: 'forbidden' };
  }
  const got = await stored(() => deps.store.get(account));
  if (!got.ok) {
    await audit(got.code, { cause: got.cause });
    return got;
  }
  if (!got.value) {
    await audit('not_found');
    return { ok: false, code: 'not_found' };
  }
  const record = got.value;
  const now = rt.clock.now();
  const revoke = input.revoke ?? 'none';
  const rows = outboxRows({
    account,
    // The hash does not change, so `none` runs nothing, not even `alwaysRun` revokers.
    revokers: revoke === 'none' ? [] : rt.changeRevokers,
    keepSessionDigest: null,
    now,
    leaseMs: rt.retryBaseMs,
    newId: rt.newId,
  });
  const written = await stored(() =>
    deps.store.setPassword({
      account,
      expectedVersion: record.version,
      passwordHash: record.passwordHash,
      changedAt: record.changedAt,
      mustChange: true,
      expiresAt: null,
      historyLimit: deps.policy.historySize,
      keepHistory: true,
      pendingRevocations: rows,
    }),
  );
  if (!written.ok) {
    await audit(written.code, { cause: written.cause });
    return written;
  }
  if (!written.value.ok) {
    await audit(written.value.code);
    return { ok: false, code: written.value.code };
  }
  // The expiry's audit event is recorded while the revokers run: neither waits for the other.
  const [, revocation] = await Promise.all([
    audit('ok'),
    runRevocations(rt, rows, input.actor.name, written.value.appliedRevocations ?? []),
  ]);
  await rt.notify({ kind: 'password_expired', account, at: now, actor: input.actor.name });
  return { ok: true, version: written.value.version, revocation };
}
