/** @module passrotate/testing */
// Conformance suites every store and limiter adapter must pass (CredentialStore, SessionStore,
// AppPasswordStore, AttemptLimiter and ResetTokenStore adapters, ours and third parties').
// Runner-agnostic: they register with the `describe`/`it` of vitest, node:test, jest or mocha and
// bring their own small `expect`.
export {
  type AppPasswordStoreSuiteOptions,
  testAppPasswordStore,
} from './app-password-store-suite.js';
export {
  type AttemptLimiterSuiteConfig,
  type AttemptLimiterSuiteOptions,
  testAttemptLimiter,
} from './attempt-limiter-suite.js';
export { type CredentialStoreSuiteOptions, testCredentialStore } from './credential-store-suite.js';
export { type ExpiryReminderLogSuiteOptions, testExpiryReminderLog } from './expiry-reminder-log-suite.js';
export {
  type InWriteAuditStores,
  type InWriteAuditSuiteOptions,
  testInWriteAudit,
} from './in-write-audit-suite.js';
export {
  type InWriteRevocationStores,
  type InWriteRevocationSuiteOptions,
  testInWriteRevocation,
} from './in-write-revocation-suite.js';
export { type ResetTokenStoreSuiteOptions, testResetTokenStore } from './reset-token-store-suite.js';
export { resolveTestRunner, type TestRunner, useTestRunner } from './runner.js';
export { type SessionStoreSuiteOptions, testSessionStore } from './session-store-suite.js';
