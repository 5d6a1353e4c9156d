/** @module passrotate/testing */
// Vitest conformance suites every store and limiter adapter must pass.
// Covers CredentialStore, SessionStore and AttemptLimiter adapters, ours and third parties'. A test-time
// entry: it imports `vitest`, an optional peer dependency.
export {
  type AttemptLimiterSuiteConfig,
  type AttemptLimiterSuiteOptions,
  testAttemptLimiter,
} from './attempt-limiter-suite.js';
export { type CredentialStoreSuiteOptions, testCredentialStore } from './credential-store-suite.js';
export { type SessionStoreSuiteOptions, testSessionStore } from './session-store-suite.js';
