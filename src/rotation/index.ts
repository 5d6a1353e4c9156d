/** @module Rotation flows: pure decisions and thin orchestrators over the ports. */
export {
  type AdminSetPasswordInput,
  type AdminSetPasswordResult,
  adminSetPassword,
} from './admin-set-password.js';
export {
  type ChangeOwnPasswordInput,
  type ChangeOwnPasswordResult,
  changeOwnPassword,
} from './change-own-password.js';
export {
  type ExpirePasswordInput,
  type ExpirePasswordResult,
  expirePassword,
} from './expire-password.js';
export type { GeneratorChoice } from './generator-choice.js';
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
