/** @module Writes outbox rows without changing the password: a flags-only compare-and-set write. */
import type { PendingRevocation } from '../ports/credential-store.js';
import { type Runtime, stored } from './runtime.js';
import type { WriteRefusal } from './types.js';

/** Tries of the compare-and-set write before a concurrent change of the mailbox wins with `conflict`. */
const MAX_TRIES = 3;

/**
 * Inserts `rows` into the outbox of `account` without changing its password: a compare-and-set
 * write of the stored hash, `changedAt`, must-change flag, expiry and history as read (`keepHistory`),
 * so only the version moves. A racing write (`conflict`) is retried up to three times with a fresh
 * read. `not_found` when the mailbox is gone; nothing is written on any refusal.
 *
 * @example
 * ```ts
 * const queued = await queueRevocations(rt, 'alice@example.org', rows);
 * if (queued.ok) await runRevocations(rt, rows, 'alice@example.org');
 * ```
 */
export async function queueRevocations(
  rt: Runtime,
  account: string,
  rows: readonly PendingRevocation[],
): Promise<{ readonly ok: true } | WriteRefusal> {
  for (let tries = 1; ; tries += 1) {
    const got = await stored(() => rt.deps.store.get(account));
    if (!got.ok) return got;
    const record = got.value;
    if (!record) return { ok: false, code: 'not_found' };
    const written = await stored(() =>
      rt.deps.store.setPassword({
        account: record.account,
        expectedVersion: record.version,
        passwordHash: record.passwordHash,
        changedAt: record.changedAt,
        mustChange: record.mustChange,
        expiresAt: record.expiresAt,
        historyLimit: record.previousHashes.length,
        keepHistory: true,
        pendingRevocations: rows,
      }),
    );
    if (!written.ok) return written;
    if (written.value.ok) return { ok: true };
    if (written.value.code === 'not_found' || tries >= MAX_TRIES)
      return { ok: false, code: written.value.code };
  }
}
