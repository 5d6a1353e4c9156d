/** @module Creates the tables the PostgreSQL adapters need. */
import { createStatements } from '../sql/ddl.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';
import { inTransaction } from './transaction.js';

/**
 * Creates what is missing — the mailbox table in Postfixadmin's layout (with the mapped names) and
 * passrotate's own tables — in one transaction under an advisory lock, so several instances may
 * run it at once. Existing tables and rows are left alone.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres({ pool });
 * ```
 */
export async function migratePostgres(options: PostgresOptions): Promise<void> {
  const schema = resolveSchema(options.schema);
  await inTransaction(options.pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('passrotate_migrate'))");
    for (const sql of createStatements('postgres', schema)) await client.query(sql);
    return { value: undefined };
  });
}
