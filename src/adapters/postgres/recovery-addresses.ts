/** @module RecoveryAddressSource over PostgreSQL: Postfixadmin's `mailbox.email_other`, when the column exists. */
import type { RecoveryAddressSource } from '../../ports/recovery-address-source.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

/**
 * Reads each mailbox's recovery address from the schema's `recoveryAddress` column (Postfixadmin's
 * `email_other`; `''` counts as none). A table without that column (Postfixadmin before 3.2, or
 * `recoveryAddress: null`) gives `null` for everyone. The column check runs once (again after a failure).
 *
 * @example
 * ```ts
 * const rotation = createRotation({ store, hasher, policy,
 *   resetTokens: postgresResetTokenStore({ pool }), recoveryAddresses: postgresRecoveryAddresses({ pool }) });
 * ```
 */
export function postgresRecoveryAddresses(options: PostgresOptions): RecoveryAddressSource {
  const { names, q } = resolveSchema(options.schema);
  const { pool } = options;
  let hasColumn: Promise<boolean> | undefined;
  return {
    async recoveryAddress(account) {
      const column = q.recoveryAddress;
      if (column === null || names.recoveryAddress === null) return null;
      hasColumn ??= pool
        .query(
          `SELECT 1 FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
          [names.table, names.recoveryAddress],
        )
        .then((result) => result.rows.length > 0);
      hasColumn.catch(() => {
        hasColumn = undefined;
      });
      if (!(await hasColumn)) return null;
      const { rows } = await pool.query<{ address: string | null }>(
        `SELECT ${column} AS address FROM ${q.table} WHERE ${q.account} = $1`,
        [account.toLowerCase()],
      );
      return rows[0]?.address?.trim() || null;
    },
  };
}
