/** @module The audit events a SQL store records inside a password write, as its audit sink writes them. */
import type { AuditEvent, PasswordWrite } from '../../ports/index.js';

/**
 * One row of the `passrotate_audit` table, as the SQL audit sinks write it: the time in epoch
 * milliseconds, the details as JSON text (`null` without details).
 *
 * @example
 * ```ts
 * const row: AuditRow = auditRow(event);
 * ```
 */
export interface AuditRow {
  readonly type: string;
  readonly account: string;
  readonly actor: string;
  readonly at: number;
  readonly outcome: string;
  readonly details: string | null;
}

/**
 * The audit-table row of `event`.
 *
 * @example
 * ```ts
 * const row = auditRow({ type: 'password_changed', account: 'alice@example.org',
 *   actor: 'alice@example.org', at: new Date(), outcome: 'ok' });
 * ```
 */
export function auditRow(event: AuditEvent): AuditRow {
  return {
    type: event.type,
    account: event.account,
    actor: event.actor,
    at: event.at.getTime(),
    outcome: event.outcome,
    details: event.details === undefined ? null : JSON.stringify(event.details),
  };
}

/**
 * The rows a store configured to audit in the write records with a successful `w`: its
 * `auditEvents` in order, without those whose `onlyIfApplied` row is not among `applied`.
 *
 * @example
 * ```ts
 * const rows = writeAuditRows(w, new Set(appliedIds));
 * ```
 */
export function writeAuditRows(w: PasswordWrite, applied: ReadonlySet<string>): AuditRow[] {
  return (w.auditEvents ?? [])
    .filter((e) => e.onlyIfApplied === undefined || applied.has(e.onlyIfApplied))
    .map(auditRow);
}
