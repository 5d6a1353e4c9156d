/** @module passrotate/testing */
// Conformance suites every store and limiter adapter must pass (CredentialStore, SessionStore and
// AttemptLimiter adapters, ours and third parties'). Runner-agnostic: they register with the
// `describe`/`it` of vitest, node:test, jest or mocha and bring their own small `expect`.
export {
  type AttemptLimiterSuiteConfig,
  type AttemptLimiterSuiteOptions,
  testAttemptLimiter,
} from './attempt-limiter-suite.js';
export { type CredentialStoreSuiteOptions, testCredentialStore } from './credential-store-suite.js';
export { type ExpiryReminderLogSuiteOptions, testExpiryReminderLog } from './expiry-reminder-log-suite.js';
export { resolveTestRunner, type TestRunner, useTestRunner } from './runner.js';
export { type SessionStoreSuiteOptions, testSessionStore } from './session-store-suite.js';
