/** @module One wiring call: the rotation ports resolved once, the flows bound to them. */

import type { SessionRevoker } from '../ports/session-revoker.js';
import {
  type AdminSetPasswordInput,
  type AdminSetPasswordResult,
  adminSetPassword,
} from './admin-set-password.js';
import {
  type ChangeOwnPasswordInput,
  type ChangeOwnPasswordResult,
  changeOwnPassword,
} from './change-own-password.js';
import {
  type CheckPasswordResetResult,
  type CompletePasswordResetInput,
  type CompletePasswordResetResult,
  checkPasswordReset,
  completePasswordReset,
} from './complete-password-reset.js';
import { type ExpirePasswordInput, type ExpirePasswordResult, expirePassword } from './expire-password.js';
import {
  type RequestPasswordResetInput,
  type RequestPasswordResetResult,
  requestPasswordReset,
} from './request-password-reset.js';
import {
  type ResumeOptions,
  type ResumeResult,
  resumePendingRevocations,
} from './resume-pending-revocations.js';
import { sessionStoreRevoker } from './revokers.js';
import { type RotateDomainInput, type RotateDomainResult, rotateDomain } from './rotate-domain.js';
import { runtime } from './runtime.js';
import type { RotationDeps } from './types.js';
import { type VerifyLoginInput, type VerifyLoginResult, verifyLogin } from './verify-login.js';

/**
 * Options of {@link createRotation}: the {@link RotationDeps}, where `revokers` lists only the
 * revokers *besides* the web sessions — with `sessions` set, a `web-sessions` revoker over it is
 * always added first, so "log out everywhere" cannot be forgotten.
 *
 * @example
 * ```ts
 * const options: RotationOptions = { store, hasher, policy: presets.mailbox, sessions };
 * ```
 */
export interface RotationOptions extends RotationDeps {
  /** Revokers run besides the `web-sessions` one (Dovecot, a framework's session store…). Default none. */
  readonly revokers?: readonly SessionRevoker[];
}

/**
 * The rotation flows bound to one set of ports, plus the resolved `deps` for code that calls the
 * free functions (`changeOwnPassword(rotation.deps, …)`).
 *
 * @example
 * ```ts
 * const result = await rotation.changeOwnPassword({ account, currentPassword, newPassword, confirmation });
 * ```
 */
export interface Rotation {
  /** The resolved ports, with the `web-sessions` revoker included. */
  readonly deps: RotationDeps;
  /** {@link changeOwnPassword} over these ports. */
  changeOwnPassword(input: ChangeOwnPasswordInput): Promise<ChangeOwnPasswordResult>;
  /** {@link adminSetPassword} over these ports. */
  adminSetPassword(input: AdminSetPasswordInput): Promise<AdminSetPasswordResult>;
  /** {@link verifyLogin} over these ports (`sessionEpoch` is a number when `sessions` is set). */
  verifyLogin(input: VerifyLoginInput): Promise<VerifyLoginResult>;
  /** {@link rotateDomain} over these ports. */
  rotateDomain(input: RotateDomainInput): Promise<RotateDomainResult>;
  /** {@link expirePassword} over these ports. */
  expirePassword(input: ExpirePasswordInput): Promise<ExpirePasswordResult>;
  /** {@link requestPasswordReset} over these ports (needs `resetTokens`). */
  requestPasswordReset(input: RequestPasswordResetInput): Promise<RequestPasswordResetResult>;
  /** {@link checkPasswordReset} over these ports (needs `resetTokens`). */
  checkPasswordReset(input: { readonly token: string }): Promise<CheckPasswordResetResult>;
  /** {@link completePasswordReset} over these ports (needs `resetTokens`). */
  completePasswordReset(input: CompletePasswordResetInput): Promise<CompletePasswordResetResult>;
  /** {@link resumePendingRevocations} over these ports; run it from a timer. */
  resumePendingRevocations(options?: ResumeOptions): Promise<ResumeResult>;
  /**
   * For sessions kept in a framework's own store (express-session, @fastify/session): `true` while a
   * session opened with `epoch` (`verifyLogin`'s `sessionEpoch`, kept in the framework session) has
   * not been ended since by a log-out-everywhere, i.e. `epoch` is not below the account's epoch in
   * `sessions`. `false` for a missing `epoch`. Check it on every request and drop the session when
   * `false`: this holds log-out-everywhere even for sessions a revoker cannot reach.
   *
   * @throws TypeError when the rotation has no `sessions`.
   */
  isSessionCurrent(account: string, epoch: number | undefined): Promise<boolean>;
}

/**
 * Wires the rotation flows once: with `sessions`, the `web-sessions` revoker
 * ({@link sessionStoreRevoker}) comes first, then `revokers`; the ports are checked now (duplicate
 * revoker names throw here, not on the first password change) and every flow is bound to them.
 * When `sessions` lives in the store's database, give the SQL credential store
 * `revokeSessionsInWrite: 'web-sessions'`: it ends the sessions in the password write's own
 * transaction and the flows report the `web-sessions` row done without calling the revoker.
 * The root entry stays pure; `createPassrotate` in `passrotate/node` adds the worker-pool hasher
 * and the Dovecot revokers on top of this.
 *
 * @throws TypeError when two revokers share a name (e.g. an extra revoker named `web-sessions`).
 *
 * @example
 * ```ts
 * import { createRotation, presets } from 'passrotate';
 * import { createHasher } from 'passrotate/hash';
 * const hasher = createHasher({ default: { scheme: 'ARGON2ID' } });
 * const rotation = createRotation({ store, sessions, hasher, policy: presets.mailbox, limiter });
 * const login = await rotation.verifyLogin({ account, password, clientKey: ip });
 * ```
 */
export function createRotation(options: RotationOptions): Rotation {
  const revokers = [
    ...(options.sessions ? [sessionStoreRevoker(options.sessions)] : []),
    ...(options.revokers ?? []),
  ];
  const deps: RotationDeps = { ...options, revokers };
  runtime(deps);
  return {
    deps,
    changeOwnPassword: (input) => changeOwnPassword(deps, input),
    adminSetPassword: (input) => adminSetPassword(deps, input),
    verifyLogin: (input) => verifyLogin(deps, input),
    rotateDomain: (input) => rotateDomain(deps, input),
    expirePassword: (input) => expirePassword(deps, input),
    requestPasswordReset: (input) => requestPasswordReset(deps, input),
    checkPasswordReset: (input) => checkPasswordReset(deps, input),
    completePasswordReset: (input) => completePasswordReset(deps, input),
    resumePendingRevocations: (resume) => resumePendingRevocations(deps, resume),
    async isSessionCurrent(account, epoch) {
      const sessions = deps.sessions;
      if (!sessions) throw new TypeError('isSessionCurrent: the rotation has no sessions store');
      return epoch !== undefined && epoch >= (await sessions.epoch(account));
    },
  };
}
