/** @module What the three example servers share: storage, the policy, the hasher and the rotation ports. */
import { createHasher } from '../../src/hash/index.js';
import {
  type Clock,
  definePolicy,
  type Notifier,
  type PasswordHasher,
  type Policy,
  type PolicySpec,
  type RotationDeps,
  type SessionRevoker,
  sessionStoreRevoker,
  systemClock,
} from '../../src/index.js';
import type { Storage } from './storage.js';

/** Everything the apps need, built once per process. */
export interface ExampleServices {
  readonly storage: Storage;
  /** The spec the policy was defined from; the browser bundle re-defines the same policy from it. */
  readonly policySpec: PolicySpec;
  readonly policy: Policy;
  readonly hasher: PasswordHasher;
  /** The ports of `changeOwnPassword`, `adminSetPassword` and `verifyLogin` (which reads the session epoch). */
  readonly rotation: RotationDeps;
  readonly clock: Clock;
  /**
   * The public origin of each mailbox app (`https://mail.example.org`), from which reset links are
   * built; filled by `startDemo` once the apps listen. A reset link is never built from a request's
   * `Host` header, which a client chooses.
   */
  readonly publicOrigins: { webmail?: string; userPanel?: string };
}

/** How to build the services. */
export interface ServicesOptions {
  readonly storage: Storage;
  readonly policySpec: PolicySpec;
  readonly hasher: PasswordHasher;
  /** Revokers besides the web sessions, e.g. the Dovecot kick + auth-cache flush. */
  readonly revokers?: readonly SessionRevoker[];
  /** Tells owners about changes (the demo mails them when `PASSROTATE_SMTP_URL` is set). Default none. */
  readonly notifier?: Notifier;
  /**
   * What ends the mail server's logins made with an app password after it is revoked (e.g. the
   * Dovecot auth-cache flush + kick). Default none.
   */
  readonly appPasswordRevokers?: readonly SessionRevoker[];
  /**
   * Where a reset link goes when the mailbox has no recovery address (`email_other`): `none`, or
   * `account` (the mailbox itself: the demo's seeded mailboxes have no recovery address). Default `none`.
   */
  readonly resetFallback?: 'none' | 'account';
  readonly clock?: Clock;
}

/**
 * How many app passwords a mailbox may hold: one per Dovecot app-password passdb slot (see
 * docs/app-passwords.md), so every one of them can log in.
 */
export const APP_PASSWORD_LIMIT = 5;

/**
 * Wires the rotation ports: the shared web-session store is always revoked (so webmail and user
 * panel sessions both end), plus any extra revokers. When the storage keeps app passwords they are
 * hashed with SHA512-CRYPT (random, about 75 bits: a fast salted scheme suffices, and Dovecot checks
 * every slot on a failed login) and deleted on every main-password change.
 *
 * @example
 * ```ts
 * const services = createServices({ storage, policySpec: { minLength: 8 }, hasher });
 * ```
 */
export function createServices(options: ServicesOptions): ExampleServices {
  const policy = definePolicy(options.policySpec);
  const clock = options.clock ?? systemClock;
  const { storage } = options;
  return {
    storage,
    policySpec: options.policySpec,
    policy,
    hasher: options.hasher,
    clock,
    publicOrigins: {},
    rotation: {
      store: storage.credentials,
      hasher: options.hasher,
      policy,
      sessions: storage.sessions,
      revokers: [sessionStoreRevoker(storage.sessions), ...(options.revokers ?? [])],
      audit: storage.audit,
      limiter: storage.limiter,
      clock,
      resetTokens: storage.reset.tokens,
      recoveryAddresses: storage.reset.recoveryAddresses,
      resetLimiters: storage.reset.limiters,
      resetFallback: options.resetFallback ?? 'none',
      ...(options.notifier ? { notifier: options.notifier } : {}),
      ...(storage.appPasswords
        ? {
            appPasswords: storage.appPasswords,
            appPasswordHasher: createHasher({ default: { scheme: 'SHA512-CRYPT' } }),
            appPasswordLimit: APP_PASSWORD_LIMIT,
            appPasswordRevokers: options.appPasswordRevokers ?? [],
          }
        : {}),
    },
  };
}
