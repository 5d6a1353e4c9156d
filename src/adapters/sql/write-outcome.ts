/** @module What a SQL password write answers: the codes a server-side write returns, and the store's result. */
import type { PasswordWrite, PasswordWriteResult } from '../../ports/credential-store.js';

/**
 * What the server-side write (PostgreSQL function, MySQL/MariaDB procedure) returns instead of a
 * version when the mailbox is missing.
 *
 * @example
 * ```ts
 * `IF NOT FOUND THEN RETURN ${NOT_FOUND}; END IF;`;
 * ```
 */
export const NOT_FOUND = -1;

/**
 * What the server-side write returns when the stored version is not the expected one.
 *
 * @example
 * ```ts
 * `IF v_version <> p_expected THEN RETURN ${CONFLICT}; END IF;`;
 * ```
 */
export const CONFLICT = -2;

/**
 * Whether a store given `auditInWrite` records `w`'s audit events in the write (it has some).
 *
 * @example
 * ```ts
 * const audited = recordsAuditInWrite(options.auditInWrite === true, w);
 * ```
 */
export function recordsAuditInWrite(auditInWrite: boolean, w: PasswordWrite): boolean {
  return auditInWrite && w.auditEvents !== undefined && w.auditEvents.length > 0;
}

/**
 * The store's answer for a write that returned `version` (or {@link NOT_FOUND} / {@link CONFLICT}),
 * having carried out the outbox rows `applied` and, when `audited`, recorded the audit events.
 *
 * @example
 * ```ts
 * return writeOutcome(Number(res.rows[0]?.v), applied, audited);
 * // { ok: true, version: 3, appliedRevocations: ['r1'], auditRecorded: true }
 * ```
 */
export function writeOutcome(
  version: number,
  applied: readonly string[],
  audited: boolean,
): PasswordWriteResult {
  if (version === NOT_FOUND) return { ok: false, code: 'not_found' };
  if (version === CONFLICT) return { ok: false, code: 'conflict' };
  return {
    ok: true,
    version,
    ...(applied.length > 0 ? { appliedRevocations: applied } : {}),
    ...(audited ? { auditRecorded: true } : {}),
  };
}
