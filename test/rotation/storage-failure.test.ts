import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageFailureCause } from '../../src/rotation/index.js';

const coded = (code: string, message = 'secret-value-must-not-leak'): Error =>
  Object.assign(new Error(message), { code });

describe('storageFailureCause', () => {
  it.each([
    ['23502', 'not_null_violation'],
    ['23505', 'unique_violation'],
    ['23514', 'check_violation'],
    ['23P01', 'constraint_violation'],
    ['22007', 'invalid_value'],
    ['42P01', 'undefined_table'],
    ['42883', 'undefined_function'],
    ['08006', 'connection_failed'],
    ['57P01', 'connection_failed'],
    ['40001', 'serialization_failure'],
    ['SQLITE_CONSTRAINT_NOTNULL', 'not_null_violation'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_READONLY_DBMOVED', 'read_only'],
    ['SQLITE_CANTOPEN', 'connection_failed'],
    ['ER_BAD_NULL_ERROR', 'not_null_violation'],
    ['ER_NO_DEFAULT_FOR_FIELD', 'not_null_violation'],
    ['ER_NO_SUCH_TABLE', 'undefined_table'],
    ['ER_LOCK_DEADLOCK', 'serialization_failure'],
    ['PROTOCOL_CONNECTION_LOST', 'connection_failed'],
    ['ECONNREFUSED', 'connection_failed'],
    ['ETIMEDOUT', 'timeout'],
    ['EACCES', 'permission_denied'],
    ['ENOENT', 'file_not_found'],
    ['EWHATEVER', 'unknown'],
  ])('reads %s as %s', (code, cause) => {
    expect(storageFailureCause(coded(code))).toBe(cause);
  });

  it('follows cause links, and answers unknown for anything without a code', () => {
    expect(storageFailureCause(new Error('wrapped', { cause: coded('23502') }))).toBe('not_null_violation');
    expect(storageFailureCause(new Error('plain'))).toBe('unknown');
    expect(storageFailureCause('a string')).toBe('unknown');
    expect(storageFailureCause(null)).toBe('unknown');
  });

  it("classifies better-sqlite3's own errors: a NOT NULL column and a missing table", () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE TABLE mailbox (username TEXT PRIMARY KEY, password_expiry TEXT NOT NULL DEFAULT '2000-01-01')",
    );
    db.exec("INSERT INTO mailbox (username) VALUES ('alice@example.org')");
    const thrown = (sql: string): unknown => {
      try {
        db.exec(sql);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(storageFailureCause(thrown('UPDATE mailbox SET password_expiry = NULL'))).toBe(
      'not_null_violation',
    );
    expect(storageFailureCause(thrown('SELECT * FROM passrotate_state'))).toBe('undefined_table');
    expect(storageFailureCause(thrown('SELECT nope FROM mailbox'))).toBe('undefined_column');
  });
});
