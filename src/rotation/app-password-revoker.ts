/** @module The revoker that deletes an account's app passwords when its main password changes. */
import type { AppPasswordStore } from '../ports/app-password-store.js';
import type { SessionRevoker } from '../ports/session-revoker.js';

/**
 * A {@link SessionRevoker} (`app-passwords`, `alwaysRun`) that deletes every app password of the
 * account, then runs `mailServer` in order (e.g. `dovecotRevokers(…)`: flush the auth cache, then
 * kick), so no login made with a deleted app password stays cached or connected. Deleting first
 * matters: a flush before the delete could be refilled by a client logging in again. When the
 * delete fails, `mailServer` still runs (it also ends logins made with the old main password, which
 * must not wait for the app-password store) and the revoker then fails, so the outbox retries the
 * whole sequence: delete, then flush and kick again. Idempotent. The rotation flows add it
 * themselves when `RotationDeps.revokeAppPasswordsOnChange` is on; a revoker of `mailServer` that
 * is also one of `RotationDeps.revokers` then runs only here, after the delete.
 *
 * @param store - Where the app passwords live.
 * @param mailServer - Revokers to run after the delete. Default none.
 * @param name - Outbox name. Default `app-passwords`.
 *
 * @example
 * ```ts
 * const revoker = appPasswordRevoker(appPasswords, dovecotRevokers({ config }));
 * await revoker.revoke({ account: 'alice@example.org', keepSessionDigest: null });
 * ```
 */
export function appPasswordRevoker(
  store: AppPasswordStore,
  mailServer: readonly SessionRevoker[] = [],
  name = 'app-passwords',
): SessionRevoker {
  const after = [...mailServer];
  return {
    name,
    alwaysRun: true,
    async revoke(request) {
      const deleted = await store.revokeAll(request.account).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      for (const revoker of after) await revoker.revoke(request);
      if (deleted !== null) throw deleted.error;
    },
  };
}
