/** @module The shared write of every password change: hash, then compare-and-set with the outbox. */
import type { MailboxRecord, PendingRevocation } from '../ports/credential-store.js';
import { sessionIdDigest } from '../ports/session-digest.js';
import { outboxRows, selectRevokers } from './decisions.js';
import { type Runtime, stored } from './runtime.js';
import type { RevocationMode, WriteRefusal } from './types.js';

/**
 * What to write for an accepted new password.
 *
 * @example
 * ```ts
 * const plan: ChangePlan = {
 *   record,
 *   password: newPassword,
 *   mustChange: false,
 *   expiresAt: null,
 *   revoke: 'others',
 *   keepSessionId: currentSessionId,
 *   now: rt.clock.now(),
 * };
 * const result = await commitChange(rt, plan);
 * ```
 */
export interface ChangePlan {
  readonly record: MailboxRecord;
  /** The new password, hashed here (after every check passed). */
  readonly password: string;
  readonly mustChange: boolean;
  readonly expiresAt: Date | null;
  readonly revoke: RevocationMode;
  /** The caller's session, kept with `revoke: 'others'`; the outbox gets only its digest. */
  readonly keepSessionId: string | null;
  /** The change's instant (`changedAt`, outbox `createdAt`). */
  readonly now: Date;
}

/**
 * A committed change.
 *
 * @example
 * ```ts
 * const result = await commitChange(rt, plan);
 * if (result.ok) {
 *   const committed: CommittedChange = result;
 *   console.log(committed.version, committed.rows.length, committed.applied.length);
 * }
 * ```
 */
export interface CommittedChange {
  readonly ok: true;
  readonly version: number;
  readonly changedAt: Date;
  /** The outbox rows of the change, for `runRevocations` (including those the store applied). */
  readonly rows: readonly PendingRevocation[];
  /** Ids of the rows the store carried out inside the write (`appliedRevocations`), already done. */
  readonly applied: readonly string[];
}

/**
 * Hashes the new password and writes it with one outbox row per selected revoker in one
 * compare-and-set. A store failure or a lost race writes nothing. The rows name the session to
 * keep by its digest (`sessionIdDigest`), never by its id.
 *
 * @example
 * ```ts
 * const result = await commitChange(rt, { record, password, mustChange: false, expiresAt: null,
 *   revoke: 'all', keepSessionId: null, now: new Date() });
 * if (result.ok) await runRevocations(rt, result.rows, 'self', result.applied);
 * ```
 */
export async function commitChange(rt: Runtime, plan: ChangePlan): Promise<CommittedChange | WriteRefusal> {
  const passwordHash = await rt.deps.hasher.hash(plan.password);
  const now = plan.now;
  const keep = plan.revoke === 'others' ? plan.keepSessionId : null;
  const rows = outboxRows({
    account: plan.record.account,
    revokers: selectRevokers(rt.changeRevokers, plan.revoke),
    keepSessionDigest: keep === null ? null : await sessionIdDigest(keep),
    now,
    leaseMs: rt.retryBaseMs,
    newId: rt.newId,
  });
  const written = await stored(() =>
    rt.deps.store.setPassword({
      account: plan.record.account,
      expectedVersion: plan.record.version,
      passwordHash,
      changedAt: now,
      mustChange: plan.mustChange,
      expiresAt: plan.expiresAt,
      historyLimit: rt.deps.policy.historySize,
      pendingRevocations: rows,
    }),
  );
  if (!written.ok) return written;
  if (!written.value.ok) return { ok: false, code: written.value.code } as const;
  const applied = written.value.appliedRevocations ?? [];
  return { ok: true, version: written.value.version, changedAt: now, rows, applied };
}
