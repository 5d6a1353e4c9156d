/** @module RecoveryAddressSource over MySQL/MariaDB: Postfixadmin's `mailbox.email_other`, when the column exists. */
import type { RowDataPacket } from 'mysql2/promise';
import type { RecoveryAddressSource } from '../../ports/recovery-address-source.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';

/**
 * Reads each mailbox's recovery address from the schema's `recoveryAddress` column (Postfixadmin's
 * `email_other`; `''` counts as none). A table without that column (Postfixadmin before 3.2, or
 * `recoveryAddress: null`) gives `null` for everyone. The column check runs once (again after a failure).
 *
 * @example
 * ```ts
 * const rotation = createRotation({ store, hasher, policy,
 *   resetTokens: mysqlResetTokenStore({ pool }), recoveryAddresses: mysqlRecoveryAddresses({ pool }) });
 * ```
 */
export function mysqlRecoveryAddresses(options: MysqlOptions): RecoveryAddressSource {
  const { names, q } = resolveSchema(options.schema, 'mysql');
  const { pool } = options;
  let hasColumn: Promise<boolean> | undefined;
  return {
    async recoveryAddress(account) {
      const column = q.recoveryAddress;
      if (column === null || names.recoveryAddress === null) return null;
      hasColumn ??= pool
        .query<RowDataPacket[]>(
          `SELECT 1 FROM information_schema.columns
           WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`,
          [names.table, names.recoveryAddress],
        )
        .then(([rows]) => rows.length > 0);
      hasColumn.catch(() => {
        hasColumn = undefined;
      });
      if (!(await hasColumn)) return null;
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT ${column} AS address FROM ${q.table} WHERE ${q.account} = ?`,
        [account.toLowerCase()],
      );
      const address = rows[0]?.address as string | null | undefined;
      return address?.trim() || null;
    },
  };
}
