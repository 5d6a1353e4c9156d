/** @module Runs outbox rows through their revokers, completing or rescheduling each row. */
import type { PendingRevocation } from '../ports/credential-store.js';
import { errorCode, retryDelayMs } from './decisions.js';
import type { Runtime } from './runtime.js';
import type { RevocationReport } from './types.js';

/**
 * Runs each row's revoker (concurrently). A success completes the row; a failure (or an unknown
 * revoker name) records the attempt with an exponential back-off and leaves the row for
 * `resumePendingRevocations`. A row whose id is in `applied` was carried out by the store inside
 * the password write (it never reached the outbox): it is reported done and audited, and neither
 * its revoker nor the store is called (nor the audit sink, when `appliedAudited`: the store
 * recorded its event in the write). Never throws; audits `sessions_revoked` / `revocation_failed`.
 *
 * @example
 * ```ts
 * const report = await runRevocations(rt, rows, 'alice@example.org', result.applied);
 * ```
 */
export async function runRevocations(
  rt: Runtime,
  rows: readonly PendingRevocation[],
  actor: string,
  applied: readonly string[] = [],
  appliedAudited = false,
): Promise<RevocationReport> {
  const outcomes = await Promise.all(
    rows.map((row) =>
      !applied.includes(row.id)
        ? runOne(rt, row, actor)
        : appliedAudited
          ? true
          : auditApplied(rt, row, actor),
    ),
  );
  return {
    done: rows.filter((_, i) => outcomes[i]).map((r) => r.revoker),
    pending: rows.filter((_, i) => !outcomes[i]).map((r) => r.revoker),
  };
}

/** Runs a store call whose failure changes nothing the caller can act on. */
async function settle(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch {
    // The outbox row stays as it was; see the callers.
  }
}

/** Audits a row the store carried out inside the write; it is done. */
async function auditApplied(rt: Runtime, row: PendingRevocation, actor: string): Promise<boolean> {
  await rt.audit({
    type: 'sessions_revoked',
    account: row.account,
    actor,
    outcome: 'ok',
    details: { revoker: row.revoker, attempts: row.attempts + 1, inWrite: true },
  });
  return true;
}

async function runOne(rt: Runtime, row: PendingRevocation, actor: string): Promise<boolean> {
  const revoker = rt.revokerNamed(row.revoker);
  let failure: string | null = null;
  if (!revoker) {
    failure = 'unknown_revoker';
  } else {
    try {
      await revoker.revoke({ account: row.account, keepSessionDigest: row.keepSessionDigest });
    } catch (error) {
      failure = errorCode(error, 'revoker_failed');
    }
  }
  // The outbox row and the audit trail are written at once: neither waits for the other.
  if (failure === null) {
    await Promise.all([
      // The revocation happened; if completing fails, the row stays and a later resume repeats it
      // (revokers are idempotent).
      settle(() => rt.deps.store.completeRevocation(row.id)),
      rt.audit({
        type: 'sessions_revoked',
        account: row.account,
        actor,
        outcome: 'ok',
        details: { revoker: row.revoker, attempts: row.attempts + 1 },
      }),
    ]);
    return true;
  }
  const code = failure;
  const attempts = row.attempts + 1;
  const next = new Date(rt.clock.now().getTime() + retryDelayMs(attempts, rt.retryBaseMs, rt.retryMaxMs));
  await Promise.all([
    // If recording the failure fails, the row stays due as it was; the next resume retries it.
    settle(() => rt.deps.store.failRevocation(row.id, code, next)),
    rt.audit({
      type: 'revocation_failed',
      account: row.account,
      actor,
      outcome: code,
      details: { revoker: row.revoker, attempts },
    }),
  ]);
  return false;
}
