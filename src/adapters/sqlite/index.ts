/** @module passrotate/adapters/sqlite */
// The embedded default store on an injected better-sqlite3 12 database.
// Credentials live in Postfixadmin's `mailbox` table (which Dovecot's SQL passdb reads); sessions,
// attempts, audit and the revocation outbox in `passrotate_*` tables.

export type { LimiterSettings } from '../shared/limiter-settings.js';
export { type MailboxSchema, postfixadminSchema } from '../sql/mailbox-schema.js';
export type { MigrateOptions } from '../sql/migrate-options.js';
export {
  appPasswordTableStatements,
  type SqliteAppPasswordOptions,
  sqliteAppPasswordStore,
} from './app-password-store.js';
export { type SqliteAttemptLimiterOptions, sqliteAttemptLimiter } from './attempt-limiter.js';
export { sqliteAuditSink } from './audit-sink.js';
export { sqliteCredentialStore } from './credential-store.js';
export { sqliteExpiryReminderLog } from './expiry-reminder-log.js';
export { migrateSqlite } from './migrate.js';
export type { SqliteCredentialStoreOptions, SqliteOptions } from './options.js';
export { sqliteRecoveryAddresses } from './recovery-addresses.js';
export { sqliteResetTokenStore } from './reset-token-store.js';
export { sqliteSessionStore } from './session-store.js';
