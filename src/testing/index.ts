/**
 * @module passrotate/testing — conformance suites (vitest) that every CredentialStore, SessionStore
 * and AttemptLimiter adapter must pass, ours and third parties'. A test-time entry: it imports
 * `vitest`, an optional peer dependency.
 */
export {
  type AttemptLimiterSuiteConfig,
  type AttemptLimiterSuiteOptions,
  testAttemptLimiter,
} from './attempt-limiter-suite.js';
export { type CredentialStoreSuiteOptions, testCredentialStore } from './credential-store-suite.js';
export { type SessionStoreSuiteOptions, testSessionStore } from './session-store-suite.js';
