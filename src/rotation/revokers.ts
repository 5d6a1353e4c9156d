/** @module Ready-made revokers: end a SessionStore's web sessions; run several revokers as one. */
import { PassrotateError } from '../errors.js';
import type { SessionRevoker } from '../ports/session-revoker.js';
import type { SessionStore } from '../ports/session-store.js';

/**
 * A {@link SessionRevoker} that ends the account's web sessions in `sessions`, keeping
 * the session whose digest is `keepSessionDigest` when the caller chose "log out other devices".
 * `revokeAll` raises the account's session epoch, so sessions opened by logins that read the old
 * password, even if created after this revoker ran, are dead too.
 *
 * @param sessions - The panel's session store.
 * @param name - Outbox name. Default `web-sessions`.
 *
 * @example
 * ```ts
 * const deps = { store, hasher, policy, revokers: [sessionStoreRevoker(sessions)] };
 * ```
 */
export function sessionStoreRevoker(sessions: SessionStore, name = 'web-sessions'): SessionRevoker {
  return {
    name,
    async revoke({ account, keepSessionDigest }) {
      await sessions.revokeAll(account, { exceptDigest: keepSessionDigest });
    },
  };
}

/**
 * Runs several revokers as one unit under one outbox name: all of them run (concurrently) on every
 * attempt, and the unit fails if any fails, so each must be idempotent. It is `alwaysRun` when any
 * part is. Prefer separate revokers (one outbox row each) when their retries should be independent.
 *
 * @param name - Outbox name of the unit.
 * @param revokers - The parts.
 *
 * @example
 * ```ts
 * const mail = composeRevokers('mail-server', [imapKick, authCacheFlush]);
 * ```
 */
export function composeRevokers(name: string, revokers: readonly SessionRevoker[]): SessionRevoker {
  const parts = [...revokers];
  return {
    name,
    alwaysRun: parts.some((r) => r.alwaysRun === true),
    async revoke(request) {
      const results = await Promise.allSettled(parts.map((r) => r.revoke(request)));
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [parts[i]?.name ?? ''] : []));
      if (failed.length > 0) {
        throw new PassrotateError(
          'composed_revoker_failed',
          `${name}: revokers failed: ${failed.join(', ')}`,
          {
            cause: results.find((r) => r.status === 'rejected')?.reason,
          },
        );
      }
    },
  };
}
