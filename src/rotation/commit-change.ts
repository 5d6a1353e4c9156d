/** @module The shared write of every password change: hash, then compare-and-set with the outbox. */
import type { AuditEvent, AuditEventType } from '../ports/audit-sink.js';
import type { MailboxRecord, PendingRevocation, WriteAuditEvent } from '../ports/credential-store.js';
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
  /** The new password, hashed here (after every check passed) unless `passwordHash` is given. */
  readonly password: string;
  /**
   * Its hash when the flow started it earlier (an admin set hashes while the mailbox is read, see
   * `hashAhead`); a rejection is thrown from `commitChange` as the hasher's own would be.
   */
  readonly passwordHash?: Promise<string>;
  readonly mustChange: boolean;
  readonly expiresAt: Date | null;
  readonly revoke: RevocationMode;
  /** The caller's session, kept with `revoke: 'others'`; the outbox gets only its digest. */
  readonly keepSessionId: string | null;
  /** The change's instant (`changedAt`, outbox `createdAt`). */
  readonly now: Date;
  /**
   * The change's audit event (outcome `ok`, at `now`; `revokers` added to its details), handed to
   * the store with the write so a store that records audit events in its own transaction can.
   */
  readonly audit?: ChangeAudit;
}

/**
 * The audit event of a committed change, before the write knows its revokers.
 *
 * @example
 * ```ts
 * const audit: ChangeAudit = { type: 'password_changed', actor: account, details: { revoke: 'all' } };
 * ```
 */
export interface ChangeAudit {
  readonly type: AuditEventType;
  readonly actor: string;
  readonly details: Readonly<Record<string, string | number | boolean | readonly string[]>>;
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
  /**
   * The plan's audit event when it is still to be recorded (through the sink); `null` when the
   * store recorded it in the write, or the plan had none.
   */
  readonly event: AuditEvent | null;
  /** `true` when the store recorded the audit events in the write, the applied rows' ones included. */
  readonly auditedInWrite: boolean;
}

/**
 * Hashes the new password (or awaits `plan.passwordHash`) and writes it with one outbox row per
 * selected revoker in one compare-and-set; the rows and audit events are built while the hasher
 * works. A store failure or a lost race writes nothing. The rows name the session to
 * keep by its digest (`sessionIdDigest`), never by its id. With `plan.audit` and an audit sink, the
 * write carries the change's event and one `sessions_revoked` event per row (recorded only if the
 * store applies that row), for a store that records them in its own transaction.
 *
 * @example
 * ```ts
 * const result = await commitChange(rt, { record, password, mustChange: false, expiresAt: null,
 *   revoke: 'all', keepSessionId: null, now: new Date() });
 * if (result.ok) await runRevocations(rt, result.rows, 'self', result.applied);
 * ```
 */
export async function commitChange(rt: Runtime, plan: ChangePlan): Promise<CommittedChange | WriteRefusal> {
  const hashing = plan.passwordHash ?? rt.deps.hasher.hash(plan.password);
  // Awaited below, after the rows are built: a rejection meanwhile is not unhandled.
  hashing.catch(() => undefined);
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
  const event: AuditEvent | null =
    plan.audit === undefined
      ? null
      : {
          type: plan.audit.type,
          account: plan.record.account,
          actor: plan.audit.actor,
          at: now,
          outcome: 'ok',
          details: { ...plan.audit.details, revokers: rows.map((r) => r.revoker) },
        };
  const auditEvents: WriteAuditEvent[] =
    event === null || rt.deps.audit === undefined
      ? []
      : [
          event,
          ...rows.map((row) => ({
            type: 'sessions_revoked' as const,
            account: row.account,
            actor: event.actor,
            at: now,
            outcome: 'ok',
            details: { revoker: row.revoker, attempts: row.attempts + 1, inWrite: true },
            onlyIfApplied: row.id,
          })),
        ];
  const passwordHash = await hashing;
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
      ...(auditEvents.length > 0 ? { auditEvents } : {}),
    }),
  );
  if (!written.ok) return written;
  if (!written.value.ok) return { ok: false, code: written.value.code } as const;
  const applied = written.value.appliedRevocations ?? [];
  const auditedInWrite = auditEvents.length > 0 && written.value.auditRecorded === true;
  return {
    ok: true,
    version: written.value.version,
    changedAt: now,
    rows,
    applied,
    event: auditedInWrite ? null : event,
    auditedInWrite,
  };
}
