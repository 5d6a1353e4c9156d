/** @module passrotate/adapters/mysql */
// Postfixadmin `mailbox` credentials and `passrotate_*` tables on `mysql2` (MariaDB, MySQL 8).
// Credentials live in Postfixadmin's `mailbox` table (which Dovecot's SQL passdb reads); history,
// sessions, attempts, audit and the revocation outbox in `passrotate_*` tables, on an injected
// mysql2/promise pool.

export type { LimiterSettings } from '../shared/limiter-settings.js';
export { type MailboxSchema, postfixadminSchema } from '../sql/mailbox-schema.js';
export type { MigrateOptions } from '../sql/migrate-options.js';
export {
  appPasswordTableStatements,
  type MysqlAppPasswordOptions,
  mysqlAppPasswordStore,
} from './app-password-store.js';
export { type MysqlAttemptLimiterOptions, mysqlAttemptLimiter } from './attempt-limiter.js';
export { mysqlAuditSink } from './audit-sink.js';
export { mysqlCredentialStore } from './credential-store.js';
export { mysqlExpiryReminderLog } from './expiry-reminder-log.js';
export { migrateMysql } from './migrate.js';
export type { MysqlCredentialStoreOptions, MysqlOptions } from './options.js';
export { mysqlRecoveryAddresses } from './recovery-addresses.js';
export { mysqlResetTokenStore } from './reset-token-store.js';
export { mysqlSessionStore } from './session-store.js';
