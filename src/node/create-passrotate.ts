/** @module The Node wiring call: worker-pool hasher, Dovecot revokers and web sessions in one place. */
import { type DovecotSessionRevokerOptions, dovecotRevokers } from '../adapters/dovecot/index.js';
import { createHasher, type HasherOptions, type HashTarget, nodeEngine } from '../hash/node.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import { createRotation, type Rotation, type RotationOptions } from '../rotation/create-rotation.js';

/**
 * How {@link createPassrotate} hashes: the scheme and cost of new hashes, and optionally which stored
 * schemes are still accepted and which are upgraded at login (as `createHasher`).
 *
 * @example
 * ```ts
 * const hash: PassrotateHashOptions = { scheme: 'ARGON2ID', accept: ['ARGON2ID', 'SHA512-CRYPT', 'MD5-CRYPT'] };
 * ```
 */
export interface PassrotateHashOptions
  extends HashTarget,
    Pick<HasherOptions, 'accept' | 'deprecated' | 'limits'> {}

/**
 * Options of {@link createPassrotate}: those of `createRotation`, with `hash` (or a ready `hasher`)
 * and the Dovecot instance that reads the passwords.
 *
 * @example
 * ```ts
 * const options: PassrotateOptions = {
 *   store, sessions, policy: presets.mailbox, hash: { scheme: 'BLF-CRYPT' },
 *   dovecot: { config: '/etc/dovecot/dovecot.conf' },
 * };
 * ```
 */
export interface PassrotateOptions extends Omit<RotationOptions, 'hasher'> {
  /** Hash with this target in the Node worker pool (off the event loop). Give `hash` or `hasher`. */
  readonly hash?: PassrotateHashOptions;
  /** A ready hasher instead of `hash`. */
  readonly hasher?: PasswordHasher;
  /**
   * The Dovecot instance that serves these mailboxes: adds its `alwaysRun` auth-cache flush
   * (`dovecot-auth-cache`) and the flush + kick of live IMAP/POP connections (`dovecot`). Default
   * none (no Dovecot reads these passwords).
   */
  readonly dovecot?: Omit<DovecotSessionRevokerOptions, 'name'>;
}

/**
 * Builds the rotation once for a Node server and returns the flows bound to it: `hash` becomes a
 * `createHasher` on the worker pool (`nodeEngine`), the revokers are the safe default — the
 * `web-sessions` revoker when `sessions` is set, then with `dovecot` both `dovecotRevokers` (the
 * auth-cache flush that runs even with `revoke: 'none'`, and the kick), then your `revokers`.
 * It lives in `passrotate/node`, not the root entry, because Dovecot's revokers run `doveadm` and the
 * pool starts worker threads: the root stays free of `node:*` so it runs in the browser.
 *
 * @throws TypeError when neither or both of `hash` and `hasher` are given, or revoker names repeat.
 * @throws PassrotateError (`unknown_scheme`, `invalid_params`…) when `hash` is not a writable scheme.
 *
 * @example
 * ```ts
 * import { presets } from 'passrotate';
 * import { createPassrotate } from 'passrotate/node';
 * import { postgresCredentialStore, postgresSessionStore } from 'passrotate/adapters/postgres';
 *
 * const passrotate = createPassrotate({
 *   // The sessions share the pool: the store ends them inside the password write.
 *   store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions' }),
 *   sessions: postgresSessionStore({ pool }),
 *   policy: presets.mailbox,
 *   hash: { scheme: 'ARGON2ID' },
 *   dovecot: { config: '/etc/dovecot/dovecot.conf' },
 * });
 * const result = await passrotate.changeOwnPassword({ account, currentPassword, newPassword, confirmation });
 * ```
 */
export function createPassrotate(options: PassrotateOptions): Rotation {
  const { hash, hasher, dovecot, ...rest } = options;
  if ((hash === undefined) === (hasher === undefined)) {
    throw new TypeError('createPassrotate: give either hash or hasher');
  }
  const { accept, deprecated, limits, ...target } = hash ?? { scheme: '' };
  const resolved =
    hasher ??
    createHasher({
      default: target,
      engine: nodeEngine,
      ...(accept === undefined ? {} : { accept }),
      ...(deprecated === undefined ? {} : { deprecated }),
      ...(limits === undefined ? {} : { limits }),
    });
  const revokers = [...(dovecot ? dovecotRevokers(dovecot) : []), ...(options.revokers ?? [])];
  return createRotation({ ...rest, hasher: resolved, revokers });
}
