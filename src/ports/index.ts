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
  MailboxPage,
  MailboxRecord,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
  WriteAuditEvent,
} from './credential-store.js';
export type {
  Notifier,
  PasswordNotification,
  PasswordNotificationBase,
  PasswordNotificationKind,
} from './notifier.js';
export type { PasswordHasher } from './password-hasher.js';
export { cryptoRandomSource, type RandomSource } from './random-source.js';
export { sessionIdDigest } from './session-digest.js';
export type { RevocationRequest, SessionRevoker } from './session-revoker.js';
export type { SessionStore, WebSession } from './session-store.js';
