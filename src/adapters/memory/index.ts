/** @module passrotate/adapters/memory */
// In-memory implementations of every port.
// The reference behaviour the conformance suites pin, for tests, demos and single-process tools.
export { type MemoryAppPasswordStore, memoryAppPasswordStore } from './app-password-store.js';
export { type MemoryAttemptLimiterOptions, memoryAttemptLimiter } from './attempt-limiter.js';
export { type MemoryAuditSink, memoryAuditSink } from './audit-sink.js';
export {
  type MemoryCredentialStore,
  type MemoryCredentialStoreOptions,
  memoryCredentialStore,
} from './credential-store.js';
export { memoryExpiryReminderLog } from './expiry-reminder-log.js';
export { type ManualClock, manualClock } from './manual-clock.js';
export { type MemoryNotifier, memoryNotifier } from './notifier.js';
export { memoryRecoveryAddresses } from './recovery-addresses.js';
export { type MemoryResetTokenStore, memoryResetTokenStore } from './reset-token-store.js';
export { seededRandomSource } from './seeded-random-source.js';
export { memorySessionStore } from './session-store.js';
