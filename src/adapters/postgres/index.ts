/** @module passrotate/adapters/postgres */
// Postfixadmin `mailbox` credentials and `passrotate_*` tables on `pg`.
// Credentials live in Postfixadmin's `mailbox` table (which Dovecot's SQL passdb reads); sessions,
// attempts, audit and the revocation outbox in `passrotate_*` tables, on an injected node-postgres pool.

export type { LimiterSettings } from '../shared/limiter-settings.js';
export { type MailboxSchema, postfixadminSchema } from '../sql/mailbox-schema.js';
export type { MigrateOptions } from '../sql/migrate-options.js';
export {
  appPasswordTableStatements,
  type PostgresAppPasswordOptions,
  postgresAppPasswordStore,
} from './app-password-store.js';
export { type PostgresAttemptLimiterOptions, postgresAttemptLimiter } from './attempt-limiter.js';
export { postgresAuditSink } from './audit-sink.js';
export { postgresCredentialStore } from './credential-store.js';
export { postgresExpiryReminderLog } from './expiry-reminder-log.js';
export { migratePostgres } from './migrate.js';
export type { PostgresCredentialStoreOptions, PostgresOptions } from './options.js';
export { postgresRecoveryAddresses } from './recovery-addresses.js';
export { postgresResetTokenStore } from './reset-token-store.js';
export { postgresSessionStore } from './session-store.js';
