/** @module The tables the SQL adapters need, as CREATE … IF NOT EXISTS statements per dialect. */
import { quoteIdentifier, type ResolvedSchema } from './mailbox-schema.js';

/**
 * The SQL dialects the adapters speak.
 *
 * @example
 * ```ts
 * const dialect: SqlDialect = 'postgres';
 * const statements = createStatements(dialect, resolveSchema());
 * ```
 */
export type SqlDialect = 'sqlite' | 'postgres' | 'mysql';

/**
 * Statements that create whatever is missing: the mailbox table (Postfixadmin's layout, mapped
 * names; skipped with `mailboxTable: false`) and passrotate's own tables. Existing tables are left
 * untouched.
 *
 * MySQL/MariaDB: InnoDB tables in utf8mb4 (passrotate's own ones byte-ordered, `utf8mb4_bin`), the
 * mailbox columns typed as Postfixadmin types them (`VARCHAR(255)`, `DATETIME`, `TINYINT(1)`).
 * MySQL 8 has no `CREATE INDEX IF NOT EXISTS`, so its index statements are plain `CREATE INDEX`
 * and the caller ignores "duplicate key name" (`ER_DUP_KEYNAME`, 1061).
 *
 * @example
 * ```ts
 * for (const sql of createStatements('sqlite', resolveSchema())) db.exec(sql);
 * ```
 */
export function createStatements(
  dialect: SqlDialect,
  schema: ResolvedSchema,
  options: { readonly mailboxTable?: boolean } = {},
): readonly string[] {
  const { q } = schema;
  const pg = dialect === 'postgres';
  const my = dialect === 'mysql';
  const text = 'TEXT';
  /** A string column that is (part of) a key or has a default: MySQL needs a bounded VARCHAR there. */
  const short = my ? 'VARCHAR(255)' : text;
  const int = pg || my ? 'BIGINT' : 'INTEGER';
  const time = pg ? 'TIMESTAMPTZ' : my ? 'DATETIME' : 'TEXT';
  const bool = pg || my ? 'BOOLEAN' : 'INTEGER';
  const yes = pg || my ? 'TRUE' : '1';
  const now = pg ? 'now()' : my ? 'CURRENT_TIMESTAMP' : "(datetime('now'))";
  const ifNotExists = my ? '' : 'IF NOT EXISTS ';
  const mailboxOptions = my ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : '';
  const ownOptions = my ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
  const quota = quoteIdentifier('quota', dialect);
  const key = quoteIdentifier('key', dialect);
  const index = (what: string) => quoteIdentifier(indexName(schema, what), dialect);
  const mailboxColumns = [
    `${q.account} ${pg || my ? 'VARCHAR(255)' : text} NOT NULL PRIMARY KEY`,
    `${q.password} ${short} NOT NULL`,
    q.displayName && `${q.displayName} ${short} NOT NULL DEFAULT ''`,
    q.maildir && `${q.maildir} ${short} NOT NULL DEFAULT ''`,
    `${quota} ${int} NOT NULL DEFAULT 0`,
    q.localPart && `${q.localPart} ${short} NOT NULL DEFAULT ''`,
    q.domain && `${q.domain} ${short} NOT NULL DEFAULT ''`,
    q.created && `${q.created} ${time} NOT NULL DEFAULT ${now}`,
    q.modified && `${q.modified} ${time} NOT NULL DEFAULT ${now}`,
    q.active && `${q.active} ${bool} NOT NULL DEFAULT ${yes}`,
    q.passwordExpiry && `${q.passwordExpiry} ${time}${my ? ' NULL' : ''}`,
    q.recoveryAddress && `${q.recoveryAddress} ${short} NOT NULL DEFAULT ''`,
  ].filter((c): c is string => typeof c === 'string');
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${q.table} (${mailboxColumns.join(', ')})${mailboxOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.state} (account ${short} NOT NULL PRIMARY KEY, version ${int} NOT NULL,
      changed_at ${int} NOT NULL, must_change ${bool} NOT NULL, expires_at ${int})${ownOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.history} (account ${short} NOT NULL, seq ${int} NOT NULL,
      password_hash ${text} NOT NULL, PRIMARY KEY (account, seq))${ownOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.sessions} (id_digest ${short} NOT NULL PRIMARY KEY, account ${short} NOT NULL,
      created_at ${int} NOT NULL, expires_at ${int} NOT NULL, epoch ${int} NOT NULL, data ${text} NOT NULL)${ownOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.sessionEpochs} (account ${short} NOT NULL PRIMARY KEY, epoch ${int} NOT NULL)${ownOptions}`,
    `CREATE INDEX ${ifNotExists}${index('sessions_account')} ON ${q.sessions} (account)`,
    `CREATE TABLE IF NOT EXISTS ${q.outbox} (id ${short} NOT NULL PRIMARY KEY, account ${short} NOT NULL,
      revoker ${text} NOT NULL, keep_session_digest ${text}, created_at ${int} NOT NULL, attempts ${int} NOT NULL,
      next_attempt_at ${int} NOT NULL, last_error ${text})${ownOptions}`,
    `CREATE INDEX ${ifNotExists}${index('outbox_due')} ON ${q.outbox} (next_attempt_at, created_at)`,
    `CREATE TABLE IF NOT EXISTS ${q.attempts} (${key} ${my ? 'VARCHAR(512)' : text} NOT NULL PRIMARY KEY,
      failures ${int} NOT NULL, window_ends_at ${int} NOT NULL)${ownOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.audit} (id ${pg ? 'BIGSERIAL PRIMARY KEY' : my ? 'BIGINT AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'},
      type ${text} NOT NULL, account ${text} NOT NULL, actor ${text} NOT NULL, at ${int} NOT NULL,
      outcome ${text} NOT NULL, details ${text})${ownOptions}`,
    `CREATE TABLE IF NOT EXISTS ${q.resetTokens} (digest ${my ? 'CHAR(64)' : text} NOT NULL PRIMARY KEY,
      account ${short} NOT NULL, version ${int} NOT NULL, created_at ${int} NOT NULL, expires_at ${int} NOT NULL)${ownOptions}`,
    `CREATE INDEX ${ifNotExists}${index('reset_tokens_account')} ON ${q.resetTokens} (account)`,
    `CREATE INDEX ${ifNotExists}${index('reset_tokens_expiry')} ON ${q.resetTokens} (expires_at)`,
    `CREATE TABLE IF NOT EXISTS ${q.expiryReminders} (account ${short} NOT NULL, expires_at ${int} NOT NULL,
      days ${int} NOT NULL, claimed_at ${int} NOT NULL, PRIMARY KEY (account, expires_at, days))${ownOptions}`,
  ];
  if (options.mailboxTable === false) return statements.slice(1);
  if (q.domain !== null) {
    statements.push(`CREATE INDEX ${ifNotExists}${index('mailbox_domain')} ON ${q.table} (${q.domain})`);
  }
  return statements;
}

function indexName(schema: ResolvedSchema, what: string): string {
  return `${schema.names.prefix}${schema.names.table}_${what}`.slice(0, 63);
}
