/** @module Retries the revocations whose first run failed, from the durable outbox. */
import { runRevocations } from './run-revocations.js';
import { runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RotationDeps } from './types.js';

/**
 * Options of {@link resumePendingRevocations}.
 *
 * @example
 * ```ts
 * const options: ResumeOptions = { batchSize: 50 };
 * ```
 */
export interface ResumeOptions {
  /** Rows fetched per batch. Default 100. */
  readonly batchSize?: number;
}

/**
 * The outcome of {@link resumePendingRevocations}: rows done, rows that failed again (rescheduled
 * with back-off, never dropped), or `storage_failure` when the outbox could not be read.
 *
 * @example
 * ```ts
 * const r: ResumeResult = { ok: true, done: 3, failed: 1 };
 * ```
 */
export type ResumeResult =
  | { readonly ok: true; readonly done: number; readonly failed: number }
  | (StorageFailure & { readonly done: number; readonly failed: number });

/**
 * Runs every outbox row that is due (`nextAttemptAt <= now`), batch after batch, through the
 * revoker it names: one of `deps.revokers` (or `app-passwords`), or, for a row queued by
 * `revokeAppPassword`, `app-password:<name>`, one of `deps.appPasswordRevokers`. A success removes the row; a failure (or a revoker name no
 * longer configured, `unknown_revoker`) bumps `attempts` and schedules the next try after
 * `retryBaseMs · 2^(attempts-1)`, capped at `retryMaxMs`. Run it from a timer or `passrotate resume`.
 * Safe to run concurrently with the flows and with itself (revokers are idempotent).
 *
 * @example
 * ```ts
 * setInterval(() => void resumePendingRevocations(deps), 60_000);
 * ```
 */
export async function resumePendingRevocations(
  deps: RotationDeps,
  options: ResumeOptions = {},
): Promise<ResumeResult> {
  const rt = runtime(deps);
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('resumePendingRevocations: batchSize must be ≥ 1');
  const seen = new Set<string>();
  let done = 0;
  let failed = 0;
  for (;;) {
    const listed = await stored(() => deps.store.listPendingRevocations(rt.clock.now(), batchSize));
    if (!listed.ok) return { ...listed, done, failed };
    // A row seen before was not rescheduled (the store failed to record it): stop, retry next run.
    const rows = listed.value.filter((row) => !seen.has(row.id));
    if (rows.length === 0) return { ok: true, done, failed };
    for (const row of rows) seen.add(row.id);
    const report = await runRevocations(rt, rows, 'system');
    done += report.done.length;
    failed += report.pending.length;
    if (listed.value.length < batchSize) return { ok: true, done, failed };
  }
}
