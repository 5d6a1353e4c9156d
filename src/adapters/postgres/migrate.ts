/** @module Creates the tables the PostgreSQL adapters need. */
import { createStatements } from '../sql/ddl.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MigrateOptions } from '../sql/migrate-options.js';
import { appPasswordTableStatements } from './app-password-store.js';
import { hasDomainExpiry } from './domain-expiry.js';
import type { PostgresOptions } from './options.js';
import { revokeSessionsFunction } from './revoke-sessions-function.js';
import { setPasswordFunction } from './set-password-function.js';
import { inTransaction } from './transaction.js';

/**
 * Creates what is missing — the mailbox table in Postfixadmin's layout (with the mapped names) and
 * passrotate's own tables — and (re)creates the password-write and session revoke-all functions, in one transaction under
 * an advisory lock, so several instances may run it at once. Existing tables and rows are left
 * alone. With `mailboxTable: false` only passrotate's own tables are created. Postfixadmin 4's
 * app-password table (`mailbox_app_password`, or `appPasswordTable`; `false` skips it) is created
 * too. Run it at every start
 * (and after upgrading passrotate, or once Postfixadmin created its `domain` table): the stores
 * need the functions of their own version, which reads the domain's password expiry days only when
 * that table was there.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres({ pool });
 * ```
 */
export async function migratePostgres(
  options: PostgresOptions & MigrateOptions & { readonly appPasswordTable?: string | false },
): Promise<void> {
  const schema = resolveSchema(options.schema);
  await inTransaction(options.pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('passrotate_migrate'))");
    for (const sql of createStatements('postgres', schema, options)) await client.query(sql);
    if (options.appPasswordTable !== false) {
      for (const sql of appPasswordTableStatements(options.appPasswordTable)) await client.query(sql);
    }
    const domainExpiry = await hasDomainExpiry(client, schema);
    const fn = setPasswordFunction(schema, { domainExpiry });
    // Earlier forms (11 arguments: NULL expiries; 12: no in-write revocation; 13: no in-write
    // audit): drop them so only one remains.
    await client.query(
      `DROP FUNCTION IF EXISTS ${fn.name}(text, bigint, text, bigint, boolean, bigint, integer, boolean, timestamptz, timestamptz, jsonb)`,
    );
    await client.query(
      `DROP FUNCTION IF EXISTS ${fn.name}(text, bigint, text, bigint, boolean, bigint, integer, boolean, timestamptz, timestamptz, timestamptz, jsonb)`,
    );
    await client.query(
      `DROP FUNCTION IF EXISTS ${fn.name}(text, bigint, text, bigint, boolean, bigint, integer, boolean, timestamptz, timestamptz, timestamptz, jsonb, text)`,
    );
    await client.query(fn.ddl);
    await client.query(revokeSessionsFunction(schema).ddl);
    return { value: undefined };
  });
}
