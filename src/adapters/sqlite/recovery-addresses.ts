/** @module RecoveryAddressSource over SQLite: Postfixadmin's `mailbox.email_other`, when the column exists. */
import type { RecoveryAddressSource } from '../../ports/recovery-address-source.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { SqliteOptions } from './options.js';

/**
 * Reads each mailbox's recovery address from the schema's `recoveryAddress` column (Postfixadmin's
 * `email_other`; `''` counts as none). A table without that column (Postfixadmin before 3.2, or
 * `recoveryAddress: null`) gives `null` for everyone. The column check runs once.
 *
 * @example
 * ```ts
 * const rotation = createRotation({ store, hasher, policy,
 *   resetTokens: sqliteResetTokenStore({ db }), recoveryAddresses: sqliteRecoveryAddresses({ db }) });
 * ```
 */
export function sqliteRecoveryAddresses(options: SqliteOptions): RecoveryAddressSource {
  const { names, q } = resolveSchema(options.schema);
  const { db } = options;
  let hasColumn: boolean | undefined;
  return {
    async recoveryAddress(account) {
      if (q.recoveryAddress === null || names.recoveryAddress === null) return null;
      hasColumn ??=
        db
          .prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?')
          .get(names.table, names.recoveryAddress) !== undefined;
      if (!hasColumn) return null;
      const row = db
        .prepare<[string], { address: string | null }>(
          `SELECT ${q.recoveryAddress} AS address FROM ${q.table} WHERE ${q.account} = ?`,
        )
        .get(account.toLowerCase());
      return row?.address?.trim() || null;
    },
  };
}
