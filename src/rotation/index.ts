/** @module Rotation flows: pure decisions and thin orchestrators over the ports. */
export {
  type AdminSetPasswordInput,
  type AdminSetPasswordResult,
  adminSetPassword,
} from './admin-set-password.js';
export { appPasswordRevoker } from './app-password-revoker.js';
export {
  type CreateAppPasswordInput,
  type CreateAppPasswordResult,
  createAppPassword,
  type ListAppPasswordsResult,
  listAppPasswords,
  type RevokeAppPasswordInput,
  type RevokeAppPasswordResult,
  revokeAppPassword,
} from './app-passwords.js';
export {
  type ChangeOwnPasswordInput,
  type ChangeOwnPasswordResult,
  changeOwnPassword,
} from './change-own-password.js';
export {
  type CheckPasswordResetResult,
  type CompletePasswordResetInput,
  type CompletePasswordResetResult,
  checkPasswordReset,
  completePasswordReset,
} from './complete-password-reset.js';
export {
  type ConnectSessionRevokerOptions,
  type ConnectSessionStore,
  connectSessionRevoker,
} from './connect-session-revoker.js';
export { createRotation, type Rotation, type RotationOptions } from './create-rotation.js';
export type { PasswordMaxAge } from './decisions.js';
export {
  type ExpireDuePasswordsInput,
  type ExpireDuePasswordsResult,
  expireDuePasswords,
} from './expire-due-passwords.js';
export {
  type ExpirePasswordInput,
  type ExpirePasswordResult,
  expirePassword,
} from './expire-password.js';
export { formatRefusal, type RefusalFormatOptions } from './format-refusal.js';
export type { GeneratorChoice } from './generator-choice.js';
export { refusalLocales } from './locales/index.js';
export type { RefusalHelpers, RefusalMessages } from './locales/messages.js';
export type { FlowRefusal, RefusalCode, RefusalOf } from './refusals.js';
export {
  type RequestPasswordResetInput,
  type RequestPasswordResetResult,
  requestPasswordReset,
} from './request-password-reset.js';
export {
  type AttemptKeys,
  type AttemptReservation,
  reserveAttempt,
} from './reserve-attempt.js';
export {
  type ResumeOptions,
  type ResumeResult,
  resumePendingRevocations,
} from './resume-pending-revocations.js';
export { composeRevokers, sessionStoreRevoker } from './revokers.js';
export {
  type RotateDomainInput,
  type RotateDomainResult,
  type RotatedMailbox,
  rotateDomain,
} from './rotate-domain.js';
export {
  type SendExpiryRemindersInput,
  type SendExpiryRemindersResult,
  sendExpiryReminders,
} from './send-expiry-reminders.js';
export {
  type StorageFailure,
  type StorageFailureCause,
  storageFailureCause,
} from './storage-failure.js';
export type {
  Actor,
  PolicyRefusal,
  RateLimited,
  RevocationMode,
  RevocationReport,
  RotationDeps,
  WriteRefusal,
} from './types.js';
export { type VerifyLoginInput, type VerifyLoginResult, verifyLogin } from './verify-login.js';
