/** @module Whether a PostgreSQL database has Postfixadmin's domain table with its password expiry days. */
import type { ClientBase, Pool } from 'pg';
import type { ResolvedSchema } from '../sql/mailbox-schema.js';

/**
 * `true` when the schema's `domainTable` exists in the current schema with both its key and its
 * expiry-days column, so password writes can read the domain's lifetime.
 *
 * @example
 * ```ts
 * if (await hasDomainExpiry(pool, resolveSchema())) console.log('Postfixadmin domain table found');
 * ```
 */
export async function hasDomainExpiry(db: Pool | ClientBase, schema: ResolvedSchema): Promise<boolean> {
  const { domainTable, domainTableKey, domainExpiryDays } = schema.names;
  if (domainTable === null) return false;
  const res = await db.query<{ found: string }>(
    `SELECT count(DISTINCT column_name) AS found FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND column_name IN ($2, $3)`,
    [domainTable, domainTableKey, domainExpiryDays],
  );
  return Number(res.rows[0]?.found) === new Set([domainTableKey, domainExpiryDays]).size;
}
