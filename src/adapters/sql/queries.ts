/** @module SQL text shared by the SQLite, PostgreSQL and MySQL credential stores (placeholders differ). */
import type { ResolvedSchema } from './mailbox-schema.js';

/**
 * The SELECT list and FROM clause that read a mailbox with its passrotate state, aliased as
 * `MailboxRow` expects; `extraColumns` (starting with a comma) are added to the list.
 *
 * @example
 * ```ts
 * const sql = `SELECT ${mailboxSelect(schema)} WHERE m.${schema.q.account} = ?`;
 * ```
 */
export function mailboxSelect(schema: ResolvedSchema, extraColumns = ''): string {
  const { q } = schema;
  return [
    `m.${q.account} AS account, m.${q.password} AS password_hash,`,
    `${q.displayName ? `m.${q.displayName}` : 'NULL'} AS display_name,`,
    `${q.domain ? `m.${q.domain}` : 'NULL'} AS domain,`,
    `${q.active ? `m.${q.active}` : 'NULL'} AS active,`,
    `${q.modified ? `m.${q.modified}` : 'NULL'} AS modified_at,`,
    's.version AS version, s.changed_at AS changed_at, s.must_change AS must_change, s.expires_at AS expires_at',
    extraColumns,
    `FROM ${q.table} m LEFT JOIN ${q.state} s ON s.account = m.${q.account}`,
  ].join(' ');
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
