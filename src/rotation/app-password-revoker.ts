/** @module The revoker that deletes an account's app passwords when its main password changes. */
import type { AppPasswordStore } from '../ports/app-password-store.js';
import type { SessionRevoker } from '../ports/session-revoker.js';

/**
 * A {@link SessionRevoker} (`app-passwords`, `alwaysRun`) that deletes every app password of the
 * account, then runs `mailServer` in order (e.g. `dovecotRevokers(…)`: flush the auth cache, then
 * kick), so no login made with a deleted app password stays cached or connected. Deleting first
 * matters: a flush before the delete could be refilled by a client logging in again. Idempotent.
 * The rotation flows add it themselves when `RotationDeps.revokeAppPasswordsOnChange` is on.
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
      await store.revokeAll(request.account);
      for (const revoker of after) await revoker.revoke(request);
    },
  };
}
