/** @module The ports: every interface through which passrotate touches the outside world. */

export type {
  AppPasswordCreateResult,
  AppPasswordRecord,
  AppPasswordStore,
  NewAppPassword,
} from './app-password-store.js';
export type { AttemptLimiter, LimitDecision } from './attempt-limiter.js';
export type { AuditEvent, AuditEventType, AuditSink } from './audit-sink.js';
export type { BreachChecker } from './breach-checker.js';
export { type Clock, systemClock } from './clock.js';
export type {
  CredentialStore,
  ExpiringListOptions,
  MailboxPage,
  MailboxRecord,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
  WriteAuditEvent,
} from './credential-store.js';
export type { ExpiryReminder, ExpiryReminderLog } from './expiry-reminder-log.js';
export type {
  Notifier,
  PasswordNotification,
  PasswordNotificationBase,
  PasswordNotificationKind,
} from './notifier.js';
export type { PasswordHasher } from './password-hasher.js';
export { cryptoRandomSource, type RandomSource } from './random-source.js';
export type { RecoveryAddressSource } from './recovery-address-source.js';
export { resetTokenDigest } from './reset-token-digest.js';
export type { ResetTokenRecord, ResetTokenStore } from './reset-token-store.js';
export { sessionIdDigest } from './session-digest.js';
export type { RevocationRequest, SessionRevoker } from './session-revoker.js';
export type { SessionStore, WebSession } from './session-store.js';
