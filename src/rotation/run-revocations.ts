/** @module Runs outbox rows through their revokers, completing or rescheduling each row. */
import type { PendingRevocation } from '../ports/credential-store.js';
import { errorCode, retryDelayMs } from './decisions.js';
import type { Runtime } from './runtime.js';
import type { RevocationReport } from './types.js';

/**
 * Runs each row's revoker (concurrently). A success completes the row; a failure (or an unknown
 * revoker name) records the attempt with an exponential back-off and leaves the row for
 * `resumePendingRevocations`. Never throws; audits `sessions_revoked` / `revocation_failed`.
 *
 * @example
 * ```ts
 * const report = await runRevocations(rt, rows, 'alice@example.org');
 * ```
 */
export async function runRevocations(
  rt: Runtime,
  rows: readonly PendingRevocation[],
  actor: string,
): Promise<RevocationReport> {
  const outcomes = await Promise.all(rows.map((row) => runOne(rt, row, actor)));
  return {
    done: rows.filter((_, i) => outcomes[i]).map((r) => r.revoker),
    pending: rows.filter((_, i) => !outcomes[i]).map((r) => r.revoker),
  };
}

async function runOne(rt: Runtime, row: PendingRevocation, actor: string): Promise<boolean> {
  const revoker = rt.revokers.find((r) => r.name === row.revoker);
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
  if (failure === null) {
    try {
      await rt.deps.store.completeRevocation(row.id);
    } catch {
      // The revocation happened; the row stays and a later resume repeats it (revokers are idempotent).
    }
    await rt.audit({
      type: 'sessions_revoked',
      account: row.account,
      actor,
      outcome: 'ok',
      details: { revoker: row.revoker, attempts: row.attempts + 1 },
    });
    return true;
  }
  const attempts = row.attempts + 1;
  const next = new Date(rt.clock.now().getTime() + retryDelayMs(attempts, rt.retryBaseMs, rt.retryMaxMs));
  try {
    await rt.deps.store.failRevocation(row.id, failure, next);
  } catch {
    // The row stays due as it was; the next resume retries it.
  }
  await rt.audit({
    type: 'revocation_failed',
    account: row.account,
    actor,
    outcome: failure,
    details: { revoker: row.revoker, attempts },
  });
  return false;
}
