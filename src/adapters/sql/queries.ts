/** @module SQL text shared by the SQLite, PostgreSQL and MySQL credential stores (placeholders differ). */
import type { SqlDialect } from './ddl.js';
import type { ResolvedSchema } from './mailbox-schema.js';

/**
 * The SELECT list and FROM clause that read a mailbox with its passrotate state, aliased as
 * `MailboxRow` expects; `extraColumns` (starting with a comma) are added to the list. With
 * `domainExpiry` (Postfixadmin's domain table was found), the domain's expiry days and the
 * mailbox's `password_expiry` in epoch milliseconds are read too (see {@link domainExpiryJoin}).
 *
 * @example
 * ```ts
 * const sql = `SELECT ${mailboxSelect(schema)} WHERE m.${schema.q.account} = ?`;
 * ```
 */
export function mailboxSelect(
  schema: ResolvedSchema,
  extraColumns = '',
  domainExpiry: SqlDialect | null = null,
): string {
  const { q } = schema;
  const join = domainExpiry === null ? null : domainExpiryJoin(schema, domainExpiry);
  return [
    `m.${q.account} AS account, m.${q.password} AS password_hash,`,
    `${q.displayName ? `m.${q.displayName}` : 'NULL'} AS display_name,`,
    `${q.domain ? `m.${q.domain}` : 'NULL'} AS domain,`,
    `${q.active ? `m.${q.active}` : 'NULL'} AS active,`,
    `${q.modified ? `m.${q.modified}` : 'NULL'} AS modified_at,`,
    's.version AS version, s.changed_at AS changed_at, s.must_change AS must_change, s.expires_at AS expires_at',
    join ? `, ${join.columns}` : '',
    extraColumns,
    `FROM ${q.table} m LEFT JOIN ${q.state} s ON s.account = m.${q.account}`,
    join ? join.from : '',
  ].join(' ');
}

/**
 * The mailbox's `password_expiry` as epoch milliseconds in `dialect` (each engine reads the
 * DATETIME as it stores it: MySQL in the session's time zone, as `NOW()` does).
 */
function epochMs(column: string, dialect: SqlDialect): string {
  if (dialect === 'postgres') return `(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;
  // TIMESTAMPDIFF, not UNIX_TIMESTAMP, which gives 0 past 2038 on some MariaDB builds.
  if (dialect === 'mysql')
    return `(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CONVERT_TZ(${column}, @@session.time_zone, '+00:00')) * 1000)`;
  return `(CAST(strftime('%s', ${column}) AS INTEGER) * 1000)`;
}

/**
 * The extra columns and join that read Postfixadmin's expiry: `domain_expiry_days` (the domain's
 * `password_expiry`) and `password_expiry_ms` (the mailbox's), or `null` when the schema has no
 * domain column, mailbox expiry column or domain table. `expiring` is the condition "Postfixadmin's
 * expiry applies (domain days > 0, not must-change) and is before the epoch-ms placeholder `p`".
 *
 * @example
 * ```ts
 * const join = domainExpiryJoin(schema, 'sqlite');
 * ```
 */
export function domainExpiryJoin(
  schema: ResolvedSchema,
  dialect: SqlDialect,
): { readonly columns: string; readonly from: string; expiring(p: string): string } | null {
  const { q } = schema;
  if (q.domainTable === null || q.domain === null || q.passwordExpiry === null) return null;
  const ms = epochMs(`m.${q.passwordExpiry}`, dialect);
  return {
    columns: `d.${q.domainExpiryDays} AS domain_expiry_days, ${ms} AS password_expiry_ms`,
    from: `LEFT JOIN ${q.domainTable} d ON d.${q.domainTableKey} = m.${q.domain}`,
    expiring: (p) => `(NOT COALESCE(s.must_change, FALSE) AND d.${q.domainExpiryDays} > 0 AND ${ms} < ${p})`,
  };
}

/**
 * The WHERE condition of `listExpiringBefore`: passrotate's own expiry before the epoch-ms
 * placeholder `p`, or (with `domainExpiry`) Postfixadmin's.
 *
 * @example
 * ```ts
 * const where = expiringCondition(schema, null, '?');
 * ```
 */
export function expiringCondition(
  schema: ResolvedSchema,
  domainExpiry: SqlDialect | null,
  p: string,
): string {
  const join = domainExpiry === null ? null : domainExpiryJoin(schema, domainExpiry);
  const own = `(s.expires_at IS NOT NULL AND s.expires_at < ${p})`;
  return join ? `(${own} OR ${join.expiring(p)})` : own;
}

/**
 * The WHERE condition that selects a domain's mailboxes, by the domain column or, without one, by
 * the address suffix. `p` is the placeholder for the domain (already LIKE-escaped when no column).
 *
 * @example
 * ```ts
 * domainCondition(schema, '?');
 * ```
 */
export function domainCondition(schema: ResolvedSchema, p: string): string {
  const { q } = schema;
  return q.domain ? `m.${q.domain} = ${p}` : `m.${q.account} LIKE ${p} ESCAPE '!'`;
}

/**
 * The query for a domain's password lifetime in days in Postfixadmin's `domain` table (`p` is the
 * domain's placeholder), or `null` when the schema maps no domain table.
 *
 * @example
 * ```ts
 * const sql = domainExpiryDaysQuery(schema, '?'); // SELECT "password_expiry" AS days FROM "domain" WHERE "domain" = ?
 * ```
 */
export function domainExpiryDaysQuery(schema: ResolvedSchema, p: string): string | null {
  const { q } = schema;
  if (q.domainTable === null) return null;
  return `SELECT ${q.domainExpiryDays} AS days FROM ${q.domainTable} WHERE ${q.domainTableKey} = ${p}`;
}
