/** @module The inputs, dependencies and result unions of the rotation flows. */
import type { Policy, Violation } from '../policy/types.js';
import type { AppPasswordStore } from '../ports/app-password-store.js';
import type { AttemptLimiter } from '../ports/attempt-limiter.js';
import type { AuditSink } from '../ports/audit-sink.js';
import type { BreachChecker } from '../ports/breach-checker.js';
import type { Clock } from '../ports/clock.js';
import type { CredentialStore } from '../ports/credential-store.js';
import type { ExpiryReminderLog } from '../ports/expiry-reminder-log.js';
import type { Notifier } from '../ports/notifier.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { RandomSource } from '../ports/random-source.js';
import type { RecoveryAddressSource } from '../ports/recovery-address-source.js';
import type { ResetTokenStore } from '../ports/reset-token-store.js';
import type { SessionRevoker } from '../ports/session-revoker.js';
import type { SessionStore } from '../ports/session-store.js';
import type { PasswordMaxAge } from './decisions.js';
import type { StorageFailure } from './storage-failure.js';

/**
 * Which sessions a password change ends: `all` (the webmail's "log me out from everywhere"),
 * `others` (keep the caller's `sessionId`), or `none` (only revokers marked `alwaysRun`, such as
 * an auth-cache flush, still run).
 *
 * @example
 * ```ts
 * const revoke: RevocationMode = 'others';
 * ```
 */
export type RevocationMode = 'all' | 'others' | 'none';

/**
 * The ports and settings every rotation flow runs over. Only `store`, `hasher` and `policy` are
 * required; the rest default to doing nothing (no revokers, audit, notifier or limiter), the wall
 * clock and Web Crypto randomness.
 *
 * @example
 * ```ts
 * const deps: RotationDeps = {
 *   store, hasher, policy: presets.mailbox,
 *   revokers: [sessionStoreRevoker(sessions), dovecotRevoker],
 *   audit, notifier, limiter,
 * };
 * ```
 */
export interface RotationDeps {
  readonly store: CredentialStore;
  readonly hasher: PasswordHasher;
  readonly policy: Policy;
  /** Run after every committed change, one outbox row each. Names must be unique. Default none. */
  readonly revokers?: readonly SessionRevoker[];
  readonly audit?: AuditSink;
  readonly notifier?: Notifier;
  /**
   * The web sessions the app opens after `verifyLogin`. When set, `verifyLogin` reads the account's
   * session epoch before the stored hash and returns it as `sessionEpoch`, for `WebSession.epoch`.
   * Default none (`sessionEpoch` is then `null`).
   */
  readonly sessions?: SessionStore;
  /** Throttles wrong passwords per `account:<address>` and per `client:<clientKey>`. Default none. */
  readonly limiter?: AttemptLimiter;
  /** Default: the wall clock. */
  readonly clock?: Clock;
  /** For outbox ids and generated passwords. Default: Web Crypto. */
  readonly random?: RandomSource;
  /** Used when the policy has `rejectBreached`. */
  readonly breachChecker?: BreachChecker;
  /**
   * Lifetime of a temporary password (admin set, domain rotation) in milliseconds. Default 72 hours:
   * OWASP ASVS 5.0 §6.4.1 asks that initial passwords "expire after a short period of time" without
   * giving a figure; three days covers a weekend for handing the password over.
   */
  readonly temporaryPasswordTtlMs?: number;
  /**
   * How long an ordinary password lives: every password a flow sets that is not temporary gets
   * `expiresAt = changedAt + days` (per domain or for all). Default none (never expires). On
   * Postfixadmin's schema the SQL stores also apply the domain's `password_expiry` days, and the
   * earlier of the two wins (see docs/expiry.md).
   */
  readonly passwordMaxAge?: PasswordMaxAge;
  /**
   * How long after an ordinary password aged out its owner may still sign in on the web to change
   * it (`verifyLogin` answers `mustChange: true, expired: true`). Past it, `password_expired`.
   * Default no limit. Temporary passwords are refused as soon as they expire, whatever this says.
   */
  readonly expiredPasswordGraceMs?: number;
  /** Remembers sent expiry reminders, for `sendExpiryReminders`. Default none. */
  readonly expiryReminders?: ExpiryReminderLog;
  /** First retry delay of a failed revocation; doubles per attempt. Default 30 seconds. */
  readonly retryBaseMs?: number;
  /** Longest retry delay of a failed revocation. Default 1 hour. */
  readonly retryMaxMs?: number;
  /**
   * Where app passwords (one per device, for IMAP/SMTP only) live. Needed by `createAppPassword`,
   * `listAppPasswords` and `revokeAppPassword`. Default none.
   */
  readonly appPasswords?: AppPasswordStore;
  /**
   * Hashes app passwords. Default `hasher`. A generated app password has about 75 bits of entropy,
   * so a fast salted scheme (e.g. `SHA512-CRYPT`) is enough, and it matters: the mail server may
   * try every app password of an account on each login (see docs/app-passwords.md).
   */
  readonly appPasswordHasher?: PasswordHasher;
  /** Most app passwords per account. Default 5 (the passdb slots of the documented Dovecot setup). */
  readonly appPasswordLimit?: number;
  /**
   * Run after app passwords are deleted — by `revokeAppPassword` (each as its own outbox row named
   * `app-password:<name>`, retried by `resumePendingRevocations`), or inside the `app-passwords`
   * revoker of a main-password change when `revokeAppPasswordsOnChange` — so connections and cached
   * logins made with them end: e.g. `dovecotRevokers(…)` (auth-cache flush, then `doveadm kick`,
   * which drops *all* the user's IMAP/POP connections; Dovecot cannot tell which password a
   * connection used). Pass the same objects as in `revokers` to have a change run them once, after
   * the delete. Default none.
   */
  readonly appPasswordRevokers?: readonly SessionRevoker[];
  /**
   * The policy choice: does a change of the main password (own change, admin set, domain rotation)
   * delete every app password of the account? Default `true` — a password changed after a
   * compromise must not leave devices signed in. Runs as the `app-passwords` outbox revoker (even
   * with `revoke: 'none'`), so a failure is retried. Needs `appPasswords`.
   */
  readonly revokeAppPasswordsOnChange?: boolean;
  /** Where outstanding password-reset tokens live (digests only). Needed by the reset flows. Default none. */
  readonly resetTokens?: ResetTokenStore;
  /**
   * Where the reset link goes: the mailbox's recovery address (Postfixadmin's `email_other` in the
   * SQL adapters). Default none, so only `resetFallback: 'account'` sends anything.
   */
  readonly recoveryAddresses?: RecoveryAddressSource;
  /**
   * When a mailbox has no recovery address: `none` sends nothing (the owner must ask an admin), or
   * `account` sends the link to the mailbox itself (useful when a phone is still signed in).
   * The request's answer is the same either way. Default `none`.
   */
  readonly resetFallback?: 'none' | 'account';
  /**
   * Limits reset requests: `client` (keys `reset-client:<clientKey>`) answers `rate_limited` once
   * exceeded; `account` (keys `reset-account:<address>`) silently sends nothing more, so it reveals
   * nothing. Each is an `AttemptLimiter` with its own limit and window, e.g. 3 mails per account per
   * hour and 10 requests per client per 15 minutes; the keys never meet the login limiter's, so
   * the SQL and Redis limiters may share its table or prefix. Default none.
   */
  readonly resetLimiters?: { readonly account?: AttemptLimiter; readonly client?: AttemptLimiter };
  /**
   * Lifetime of a reset link in milliseconds. Default 30 minutes: OWASP's Forgot Password Cheat
   * Sheet asks for tokens that "expire after an appropriate period" without a figure; half an hour
   * covers a slow mail delivery and keeps a forgotten mail in an inbox useless soon.
   */
  readonly resetTokenTtlMs?: number;
}

/**
 * Who acts in an admin flow: an admin with rights on some domains, or a superadmin with rights on all.
 *
 * @example
 * ```ts
 * const actor: Actor = { name: 'admin@example.org', domains: ['example.org'] };
 * ```
 */
export interface Actor {
  /** Recorded in the audit trail. */
  readonly name: string;
  /** Rights on every domain. Default `false`. */
  readonly superadmin?: boolean;
  /** Domains this admin may manage (compared lower-cased). */
  readonly domains: readonly string[];
}

/**
 * What happened to the revocations of a committed change: revoker names that ran, and those whose
 * outbox row is left for `resumePendingRevocations` to retry.
 *
 * @example
 * ```ts
 * const report: RevocationReport = { done: ['web-sessions'], pending: ['dovecot'] };
 * ```
 */
export interface RevocationReport {
  readonly done: readonly string[];
  readonly pending: readonly string[];
}

/**
 * Refusals a password write can end with once the new password is accepted: a racing write won
 * (`conflict`), the mailbox vanished (`not_found`) or the store failed (`storage_failure` with its
 * `cause`: nothing was written, the old password still works).
 *
 * @example
 * ```ts
 * const refusal: WriteRefusal = { ok: false, code: 'conflict' };
 * ```
 */
export type WriteRefusal =
  | {
      readonly ok: false;
      readonly code: 'conflict' | 'not_found';
    }
  | StorageFailure;

/**
 * A refusal because too many wrong passwords were tried.
 *
 * @example
 * ```ts
 * const r: RateLimited = { ok: false, code: 'rate_limited', retryAfterMs: 60_000 };
 * ```
 */
export interface RateLimited {
  readonly ok: false;
  readonly code: 'rate_limited';
  readonly retryAfterMs: number;
}

/**
 * A refusal because the new password breaks the policy; `violations` lists every unmet rule.
 *
 * @example
 * ```ts
 * const r: PolicyRefusal = { ok: false, code: 'policy_violation', violations: [{ code: 'too_short', minimum: 8, actual: 5 }] };
 * ```
 */
export interface PolicyRefusal {
  readonly ok: false;
  readonly code: 'policy_violation';
  readonly violations: readonly Violation[];
}
