/** @module The tables the SQL adapters need, as CREATE … IF NOT EXISTS statements per dialect. */
import type { ResolvedSchema } from './mailbox-schema.js';

/**
 * The SQL dialects the adapters speak.
 *
 * @example
 * ```ts
 * const dialect: SqlDialect = 'postgres';
 * const statements = createStatements(dialect, resolveSchema());
 * ```
 */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Statements that create whatever is missing: the mailbox table (Postfixadmin's layout, mapped
 * names; skipped with `mailboxTable: false`) and passrotate's own tables. Existing tables are left
 * untouched.
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
  const text = 'TEXT';
  const int = pg ? 'BIGINT' : 'INTEGER';
  const time = pg ? 'TIMESTAMPTZ' : 'TEXT';
  const bool = pg ? 'BOOLEAN' : 'INTEGER';
  const yes = pg ? 'TRUE' : '1';
  const now = pg ? 'now()' : "(datetime('now'))";
  const mailboxColumns = [
    `${q.account} ${pg ? 'VARCHAR(255)' : text} NOT NULL PRIMARY KEY`,
    `${q.password} ${text} NOT NULL`,
    q.displayName && `${q.displayName} ${text} NOT NULL DEFAULT ''`,
    q.maildir && `${q.maildir} ${text} NOT NULL DEFAULT ''`,
    `"quota" ${int} NOT NULL DEFAULT 0`,
    q.localPart && `${q.localPart} ${text} NOT NULL DEFAULT ''`,
    q.domain && `${q.domain} ${text} NOT NULL DEFAULT ''`,
    q.created && `${q.created} ${time} NOT NULL DEFAULT ${now}`,
    q.modified && `${q.modified} ${time} NOT NULL DEFAULT ${now}`,
    q.active && `${q.active} ${bool} NOT NULL DEFAULT ${yes}`,
    q.passwordExpiry && `${q.passwordExpiry} ${time}`,
  ].filter((c): c is string => typeof c === 'string');
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${q.table} (${mailboxColumns.join(', ')})`,
    `CREATE TABLE IF NOT EXISTS ${q.state} (account ${text} NOT NULL PRIMARY KEY, version ${int} NOT NULL,
      changed_at ${int} NOT NULL, must_change ${bool} NOT NULL, expires_at ${int})`,
    `CREATE TABLE IF NOT EXISTS ${q.history} (account ${text} NOT NULL, seq ${int} NOT NULL,
      password_hash ${text} NOT NULL, PRIMARY KEY (account, seq))`,
    `CREATE TABLE IF NOT EXISTS ${q.sessions} (id_digest ${text} NOT NULL PRIMARY KEY, account ${text} NOT NULL,
      created_at ${int} NOT NULL, expires_at ${int} NOT NULL, epoch ${int} NOT NULL, data ${text} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${q.sessionEpochs} (account ${text} NOT NULL PRIMARY KEY, epoch ${int} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS ${indexName(schema, 'sessions_account')} ON ${q.sessions} (account)`,
    `CREATE TABLE IF NOT EXISTS ${q.outbox} (id ${text} NOT NULL PRIMARY KEY, account ${text} NOT NULL,
      revoker ${text} NOT NULL, keep_session_digest ${text}, created_at ${int} NOT NULL, attempts ${int} NOT NULL,
      next_attempt_at ${int} NOT NULL, last_error ${text})`,
    `CREATE INDEX IF NOT EXISTS ${indexName(schema, 'outbox_due')} ON ${q.outbox} (next_attempt_at, created_at)`,
    `CREATE TABLE IF NOT EXISTS ${q.attempts} (key ${text} NOT NULL PRIMARY KEY, failures ${int} NOT NULL,
      window_ends_at ${int} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${q.audit} (id ${pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'},
      type ${text} NOT NULL, account ${text} NOT NULL, actor ${text} NOT NULL, at ${int} NOT NULL,
      outcome ${text} NOT NULL, details ${text})`,
  ];
  if (options.mailboxTable === false) return statements.slice(1);
  if (q.domain !== null) {
    statements.push(
      `CREATE INDEX IF NOT EXISTS ${indexName(schema, 'mailbox_domain')} ON ${q.table} (${q.domain})`,
    );
  }
  return statements;
}

function indexName(schema: ResolvedSchema, what: string): string {
  return `"${`${schema.names.prefix}${schema.names.table}_${what}`.slice(0, 63)}"`;
}
