/** @module Where the SQL adapters find mailboxes: Postfixadmin's `mailbox` table by default, or a mapping. */
import type { SqlDialect } from './ddl.js';

/**
 * Names of the mailbox table and its columns. The three first are required; a `null` column is one
 * the schema does not have (the adapters then derive or skip that field).
 *
 * @example
 * ```ts
 * const schema: MailboxSchema = { ...postfixadminSchema, table: 'mailboxes', maildir: null };
 * sqliteCredentialStore({ db, schema });
 * ```
 */
export interface MailboxSchema {
  /** The mailbox table. Default `mailbox`. */
  readonly table: string;
  /** Full address, the primary key. Default `username`. */
  readonly account: string;
  /** The hash as the mail server reads it. Default `password`. */
  readonly password: string;
  /** Domain part. Default `domain`; `null` derives it from the address. */
  readonly domain: string | null;
  /** Display name. Default `name`. */
  readonly displayName: string | null;
  /** Local part, written on create. Default `local_part`. */
  readonly localPart: string | null;
  /** Maildir path, written on create as `domain/local/`. Default `maildir`. */
  readonly maildir: string | null;
  /** 1/true when the mailbox may log in. Default `active`. */
  readonly active: string | null;
  /** Creation time, written on create. Default `created`. */
  readonly created: string | null;
  /** Last modification time, written with every password change. Default `modified`. */
  readonly modified: string | null;
  /**
   * When the mail server stops accepting the password, written as Postfixadmin writes it: the
   * change time plus the domain's expiry days (far future without them), or the earlier `expiresAt`
   * of a temporary password. Default `password_expiry`.
   */
  readonly passwordExpiry: string | null;
  /**
   * The owner's other address, where a password-reset link goes, read when the column exists
   * (Postfixadmin ≥ 3.2's `email_other`; `''` means none). `null` never reads it. Default `email_other`.
   */
  readonly recoveryAddress: string | null;
  /**
   * Postfixadmin's `domain` table, read for its password expiry days when it exists with the two
   * columns below; `null` never reads it. Default `domain`.
   */
  readonly domainTable: string | null;
  /** The domain name column of `domainTable`. Default `domain`. */
  readonly domainTableKey: string;
  /** The password lifetime in days of `domainTable` (0: none). Default `password_expiry`. */
  readonly domainExpiryDays: string;
  /** Prefix of passrotate's own tables (state, history, sessions, session epochs, outbox, attempts, audit, reset tokens, expiry reminders). Default `passrotate_`. */
  readonly prefix: string;
}

/**
 * Postfixadmin's layout, which Dovecot's usual SQL passdb query reads
 * (`SELECT username AS user, password FROM mailbox WHERE username = '%u'`).
 *
 * @example
 * ```ts
 * sqliteCredentialStore({ db, schema: { ...postfixadminSchema, table: 'mailboxes' } });
 * ```
 */
export const postfixadminSchema: MailboxSchema = Object.freeze({
  table: 'mailbox',
  account: 'username',
  password: 'password',
  domain: 'domain',
  displayName: 'name',
  localPart: 'local_part',
  maildir: 'maildir',
  active: 'active',
  created: 'created',
  modified: 'modified',
  passwordExpiry: 'password_expiry',
  recoveryAddress: 'email_other',
  domainTable: 'domain',
  domainTableKey: 'domain',
  domainExpiryDays: 'password_expiry',
  prefix: 'passrotate_',
});

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Quoted identifiers, ready to paste into SQL text (`null` for a column the schema lacks).
 *
 * @example
 * ```ts
 * const q: QuotedNames = resolveSchema().q;
 * const sql = `SELECT ${q.password} FROM ${q.table} WHERE ${q.account} = ?`;
 * ```
 */
export interface QuotedNames {
  readonly table: string;
  readonly account: string;
  readonly password: string;
  readonly domain: string | null;
  readonly displayName: string | null;
  readonly localPart: string | null;
  readonly maildir: string | null;
  readonly active: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  readonly passwordExpiry: string | null;
  readonly recoveryAddress: string | null;
  readonly domainTable: string | null;
  readonly domainTableKey: string;
  readonly domainExpiryDays: string;
  readonly state: string;
  readonly history: string;
  readonly sessions: string;
  /** Per-account session epochs (see `SessionStore.epoch`). */
  readonly sessionEpochs: string;
  readonly outbox: string;
  readonly attempts: string;
  readonly audit: string;
  /** Outstanding password-reset tokens (digests only). */
  readonly resetTokens: string;
  /** Claimed expiry reminders (see `ExpiryReminderLog`). */
  readonly expiryReminders: string;
}

/**
 * A checked schema: the plain names and their quoted forms.
 *
 * @example
 * ```ts
 * const schema: ResolvedSchema = resolveSchema({ table: 'mailboxes' });
 * schema.names.table; // 'mailboxes'
 * ```
 */
export interface ResolvedSchema {
  readonly names: MailboxSchema;
  readonly q: QuotedNames;
}

/**
 * Quotes a plain identifier the way `dialect` reads it: backticks for MySQL/MariaDB (which read
 * `"…"` as a string unless `ANSI_QUOTES` is set), double quotes for SQLite and PostgreSQL.
 *
 * @example
 * ```ts
 * quoteIdentifier('key', 'mysql'); // '`key`'
 * ```
 */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  return dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

/**
 * Merges `schema` over the Postfixadmin defaults, checks every name is a plain identifier and
 * quotes it for `dialect` (default: double quotes, as SQLite and PostgreSQL read them), so no name
 * can inject SQL.
 *
 * @throws TypeError when a name is not a plain identifier.
 * @example
 * ```ts
 * resolveSchema({ table: 'users' }).q.table; // '"users"'
 * ```
 */
export function resolveSchema(
  schema: Partial<MailboxSchema> = {},
  dialect: SqlDialect = 'sqlite',
): ResolvedSchema {
  const quote = (name: string, what: string): string => {
    if (!IDENTIFIER.test(name)) {
      throw new TypeError(
        `schema.${what} must be a plain SQL identifier (letters, digits, _), got ${JSON.stringify(name)}`,
      );
    }
    return quoteIdentifier(name, dialect);
  };
  const quoteOptional = (name: string | null, what: string): string | null =>
    name === null ? null : quote(name, what);
  const names: MailboxSchema = { ...postfixadminSchema, ...schema };
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(names.prefix)) {
    throw new TypeError(`schema.prefix must be letters, digits or _, got ${JSON.stringify(names.prefix)}`);
  }
  const own = (suffix: string): string => quote(`${names.prefix}${suffix}`, 'prefix');
  return {
    names,
    q: {
      table: quote(names.table, 'table'),
      account: quote(names.account, 'account'),
      password: quote(names.password, 'password'),
      domain: quoteOptional(names.domain, 'domain'),
      displayName: quoteOptional(names.displayName, 'displayName'),
      localPart: quoteOptional(names.localPart, 'localPart'),
      maildir: quoteOptional(names.maildir, 'maildir'),
      active: quoteOptional(names.active, 'active'),
      created: quoteOptional(names.created, 'created'),
      modified: quoteOptional(names.modified, 'modified'),
      passwordExpiry: quoteOptional(names.passwordExpiry, 'passwordExpiry'),
      recoveryAddress: quoteOptional(names.recoveryAddress, 'recoveryAddress'),
      domainTable: quoteOptional(names.domainTable, 'domainTable'),
      domainTableKey: quote(names.domainTableKey, 'domainTableKey'),
      domainExpiryDays: quote(names.domainExpiryDays, 'domainExpiryDays'),
      state: own('state'),
      history: own('history'),
      sessions: own('sessions'),
      sessionEpochs: own('session_epochs'),
      outbox: own('outbox'),
      attempts: own('attempts'),
      audit: own('audit'),
      resetTokens: own('reset_tokens'),
      expiryReminders: own('expiry_reminders'),
    },
  };
}
