/** @module The row of a reset token as the SQL adapters read it, and its conversion to the port's record. */
import type { ResetTokenRecord } from '../../ports/reset-token-store.js';

/**
 * A `*_reset_tokens` row as a driver returns it (BIGINT columns may come back as strings).
 *
 * @example
 * ```ts
 * const row: ResetTokenRow = { digest: 'ab…', account: 'alice@example.org', version: 3, created_at: 0, expires_at: 1 };
 * ```
 */
export interface ResetTokenRow {
  readonly digest: string;
  readonly account: string;
  readonly version: number | string;
  readonly created_at: number | string;
  readonly expires_at: number | string;
}

/** The columns of a reset-token row, in {@link ResetTokenRow}'s order. */
export const RESET_TOKEN_COLUMNS = 'digest, account, version, created_at, expires_at';

/**
 * Converts a row to a {@link ResetTokenRecord}.
 *
 * @example
 * ```ts
 * const record = toResetTokenRecord(row);
 * ```
 */
export function toResetTokenRecord(row: ResetTokenRow): ResetTokenRecord {
  return {
    digest: row.digest,
    account: row.account,
    version: Number(row.version),
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}

/**
 * The values of a record to insert, in {@link RESET_TOKEN_COLUMNS}' order (account lower-cased).
 *
 * @example
 * ```ts
 * db.prepare(`INSERT INTO t (${RESET_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(...resetTokenValues(token));
 * ```
 */
export function resetTokenValues(token: ResetTokenRecord): [string, string, number, number, number] {
  return [
    token.digest,
    token.account.toLowerCase(),
    token.version,
    token.createdAt.getTime(),
    token.expiresAt.getTime(),
  ];
}
