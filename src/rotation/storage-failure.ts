/** @module Why a store or limiter call failed, as a stable code read from the driver's error code (never its message). */

/**
 * The cause of a `storage_failure`: a stable snake_case code, never the driver's message, the SQL
 * text or a value (which could hold a secret).
 *
 * @example
 * ```ts
 * const cause: StorageFailureCause = 'not_null_violation';
 * ```
 */
export type StorageFailureCause =
  | 'not_null_violation'
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'constraint_violation'
  | 'invalid_value'
  | 'undefined_table'
  | 'undefined_column'
  | 'undefined_function'
  | 'permission_denied'
  | 'read_only'
  | 'connection_failed'
  | 'timeout'
  | 'busy'
  | 'serialization_failure'
  | 'disk_full'
  | 'database_corrupt'
  | 'file_not_found'
  | 'unknown';

/**
 * A store or limiter call that threw: nothing was written, and `cause` says why.
 *
 * @example
 * ```ts
 * const failure: StorageFailure = { ok: false, code: 'storage_failure', cause: 'connection_failed' };
 * ```
 */
export interface StorageFailure {
  readonly ok: false;
  readonly code: 'storage_failure';
  readonly cause: StorageFailureCause;
}

/** PostgreSQL SQLSTATE codes (and classes, by their first two characters). */
const SQLSTATE: Readonly<Record<string, StorageFailureCause>> = {
  '23502': 'not_null_violation',
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23514': 'check_violation',
  '23': 'constraint_violation',
  '22': 'invalid_value',
  '42P01': 'undefined_table',
  '42703': 'undefined_column',
  '42883': 'undefined_function',
  '42501': 'permission_denied',
  '28': 'permission_denied',
  '25006': 'read_only',
  '08': 'connection_failed',
  '57P01': 'connection_failed',
  '57P02': 'connection_failed',
  '57P03': 'connection_failed',
  '53300': 'connection_failed',
  '57014': 'timeout',
  '55P03': 'busy',
  '40001': 'serialization_failure',
  '40P01': 'serialization_failure',
  '53100': 'disk_full',
};

/** Named codes of better-sqlite3 (`SQLITE_*`, matched by prefix), mysql2 (`ER_*`) and Node (`E*`). */
const NAMED: readonly (readonly [RegExp, StorageFailureCause])[] = [
  [/^SQLITE_CONSTRAINT_NOTNULL$|^ER_BAD_NULL_ERROR$|^ER_NO_DEFAULT_FOR_FIELD$/, 'not_null_violation'],
  [/^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$|^ER_DUP_ENTRY$/, 'unique_violation'],
  [/^SQLITE_CONSTRAINT_FOREIGNKEY$|^ER_(NO_REFERENCED|ROW_IS_REFERENCED)_ROW/, 'foreign_key_violation'],
  [/^SQLITE_CONSTRAINT_CHECK$|^ER_CHECK_CONSTRAINT_VIOLATED$/, 'check_violation'],
  [/^SQLITE_CONSTRAINT/, 'constraint_violation'],
  [
    /^SQLITE_(MISMATCH|TOOBIG|RANGE)|^ER_(TRUNCATED_WRONG_VALUE|DATA_TOO_LONG|WARN_DATA_OUT_OF_RANGE)/,
    'invalid_value',
  ],
  [/^ER_NO_SUCH_TABLE$/, 'undefined_table'],
  [/^ER_BAD_FIELD_ERROR$/, 'undefined_column'],
  [/^ER_SP_DOES_NOT_EXIST$/, 'undefined_function'],
  [/^SQLITE_READONLY|^EROFS$|^ER_OPTION_PREVENTS_STATEMENT$/, 'read_only'],
  [
    /^SQLITE_(PERM|AUTH)|^ER_(ACCESS_DENIED|DBACCESS_DENIED|TABLEACCESS_DENIED)|^E(ACCES|PERM)$/,
    'permission_denied',
  ],
  [/^SQLITE_(BUSY|LOCKED)|^ER_LOCK_WAIT_TIMEOUT$/, 'busy'],
  [/^ER_LOCK_DEADLOCK$/, 'serialization_failure'],
  [/^SQLITE_FULL|^ENOSPC$|^ER_RECORD_FILE_FULL$/, 'disk_full'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'database_corrupt'],
  [
    /^SQLITE_CANTOPEN|^E(CONNREFUSED|CONNRESET|NOTFOUND|HOSTUNREACH|NETUNREACH|PIPE|AI_AGAIN)$/,
    'connection_failed',
  ],
  [
    /^PROTOCOL_CONNECTION_LOST$|^ER_CON_COUNT_ERROR$|^ER_SERVER_SHUTDOWN$|^ECONNABORTED$/,
    'connection_failed',
  ],
  [/^ETIMEDOUT$|^ESOCKETTIMEDOUT$|^PROTOCOL_SEQUENCE_TIMEOUT$|^ER_QUERY_TIMEOUT$/, 'timeout'],
  [/^ENOENT$/, 'file_not_found'],
];

/** SQLite reports a missing table or column only in its message, under the generic SQLITE_ERROR. */
const SQLITE_MESSAGES: readonly (readonly [RegExp, StorageFailureCause])[] = [
  [/^no such table:/, 'undefined_table'],
  [/^(no such column:|table \S+ has no column named)/, 'undefined_column'],
];

function causeOfOne(error: unknown): StorageFailureCause | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return null;
  if (/^[0-9A-Z]{5}$/.test(code) && /\d/.test(code.slice(0, 2))) {
    return SQLSTATE[code] ?? SQLSTATE[code.slice(0, 2)] ?? null;
  }
  if (code === 'SQLITE_ERROR' && typeof message === 'string') {
    for (const [pattern, cause] of SQLITE_MESSAGES) if (pattern.test(message)) return cause;
  }
  for (const [pattern, cause] of NAMED) if (pattern.test(code)) return cause;
  return null;
}

/**
 * Classifies what a store or limiter threw by the driver's error code (PostgreSQL SQLSTATE,
 * better-sqlite3 `SQLITE_*`, mysql2 `ER_*`, Node's `E*`), following `cause` links a few levels;
 * `unknown` when nothing matches. Reads codes only, never echoes a message.
 *
 * @example
 * ```ts
 * storageFailureCause(Object.assign(new Error('…'), { code: '23502' })); // 'not_null_violation'
 * ```
 */
export function storageFailureCause(error: unknown): StorageFailureCause {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && current !== undefined; depth++) {
    const cause = causeOfOne(current);
    if (cause !== null) return cause;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return 'unknown';
}
