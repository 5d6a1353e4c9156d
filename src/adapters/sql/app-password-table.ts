/** @module The app-password table (Postfixadmin 4's `mailbox_app_password`) as the PostgreSQL and MySQL adapters name and key it. */
import type { SqlDialect } from './ddl.js';
import { quoteIdentifier } from './mailbox-schema.js';

/** Postfixadmin 4's table name, the default of every app-password adapter. */
export const DEFAULT_APP_PASSWORD_TABLE = 'mailbox_app_password';

/**
 * The table name, checked to be a plain identifier (so no name can inject SQL), quoted for `dialect`.
 *
 * @throws TypeError when `table` is not a plain identifier.
 */
export function quoteAppPasswordTable(table: string, dialect: SqlDialect): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,50}$/.test(table)) {
    throw new TypeError(`table must be a plain SQL identifier, got ${JSON.stringify(table)}`);
  }
  return quoteIdentifier(table, dialect);
}

/** The row id an app-password id string names, or `null` when it cannot name one (so nothing matches). */
export function appPasswordRowId(id: string): number | null {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null;
}
