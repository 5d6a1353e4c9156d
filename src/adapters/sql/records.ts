/** @module Row ↔ record conversions shared by the SQL adapters. */
import type { MailboxRecord, PendingRevocation, WebSession } from '../../ports/index.js';
import { domainOf } from '../shared/accounts.js';
import { parseSqlTime } from './password-expiry.js';

/**
 * The columns the mailbox query of every SQL adapter selects, under these aliases.
 *
 * @example
 * ```ts
 * const sql = `SELECT ${mailboxSelect(schema)} WHERE m.${schema.q.account} = ?`;
 * const row = db.prepare(sql).get('alice@example.org') as MailboxRow;
 * const record = toMailboxRecord(row, []);
 * ```
 */
export interface MailboxRow {
  readonly account: string;
  readonly password_hash: string;
  readonly display_name: string | null;
  readonly domain: string | null;
  readonly active: number | boolean | string | null;
  /** The mailbox's `modified` column (`null` when the schema has none). */
  readonly modified_at: Date | number | string | null;
  readonly version: number | string | null;
  readonly changed_at: number | string | null;
  readonly must_change: number | boolean | null;
  readonly expires_at: number | string | null;
  /** The domain's password lifetime in days (Postfixadmin's `domain.password_expiry`), when read. */
  readonly domain_expiry_days?: number | string | null;
  /** The mailbox's `password_expiry` in epoch milliseconds, when read. */
  readonly password_expiry_ms?: number | string | null;
}

/**
 * One outbox row as stored.
 *
 * @example
 * ```ts
 * const rows = db.prepare(`SELECT * FROM ${schema.q.outbox}`).all() as OutboxRow[];
 * const pending = rows.map(toPendingRevocation);
 * ```
 */
export interface OutboxRow {
  readonly id: string;
  readonly account: string;
  readonly revoker: string;
  readonly keep_session_digest: string | null;
  readonly created_at: number | string;
  readonly attempts: number | string;
  readonly next_attempt_at: number | string;
  readonly last_error: string | null;
}

function truthy(value: number | boolean | string | null): boolean {
  if (value === null) return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return value !== '0' && value.toLowerCase() !== 'f' && value.toLowerCase() !== 'false';
}

/**
 * When the password was last set: passrotate's own record when it wrote the password (its state
 * row keeps milliseconds, and a rehash keeps the change time), else the mailbox's `modified`, which
 * Postfixadmin sets with every change. A state row at 0 was only created to lock a mailbox
 * passrotate never wrote.
 */
function changedAtOf(row: MailboxRow): Date {
  if (row.changed_at !== null && Number(row.changed_at) !== 0) return new Date(Number(row.changed_at));
  return (row.modified_at === null ? null : parseSqlTime(row.modified_at)) ?? new Date(0);
}

/** Expiries from here on mean "never" (Postfixadmin writes 9999-12-31 or far-future defaults). */
const NEVER_FROM = Date.UTC(9999, 0, 1);

/**
 * When the password expires: passrotate's own expiry (a temporary password's, or `passwordMaxAge`'s)
 * and, for a password that is not must-change, Postfixadmin's `password_expiry` when its domain has
 * expiry days (Dovecot's query ignores the mailbox column when the domain's days are 0); the earlier
 * wins. A must-change password keeps only passrotate's expiry: `expirePassword` clears it, so the
 * forced change stays possible.
 */
function expiresAtOf(row: MailboxRow, mustChange: boolean): Date | null {
  const own = row.expires_at === null ? null : new Date(Number(row.expires_at));
  if (mustChange || Number(row.domain_expiry_days ?? 0) <= 0) return own;
  const ms =
    row.password_expiry_ms === null || row.password_expiry_ms === undefined
      ? null
      : Number(row.password_expiry_ms);
  if (ms === null || !Number.isFinite(ms) || ms >= NEVER_FROM) return own;
  return own === null || ms < own.getTime() ? new Date(ms) : own;
}

/**
 * Builds the port's record from a mailbox row and its history (newest first). A mailbox that
 * passrotate never wrote has no state row: it is at version 1, changed at its `modified` time (the
 * epoch without that column), expiring as Postfixadmin's `password_expiry` says (when read).
 *
 * @example
 * ```ts
 * const record = toMailboxRecord(row, ['{SHA512-CRYPT}$6$…']);
 * ```
 */
export function toMailboxRecord(row: MailboxRow, previousHashes: readonly string[]): MailboxRecord {
  const mustChange = row.must_change === null ? false : truthy(row.must_change);
  return {
    account: row.account.toLowerCase(),
    domain: (row.domain ?? domainOf(row.account)).toLowerCase(),
    displayName: row.display_name === null || row.display_name === '' ? null : row.display_name,
    passwordHash: row.password_hash,
    version: row.version === null ? 1 : Number(row.version),
    changedAt: changedAtOf(row),
    mustChange,
    expiresAt: expiresAtOf(row, mustChange),
    active: truthy(row.active),
    previousHashes,
  };
}

/**
 * Builds the port's outbox row from a stored one.
 *
 * @example
 * ```ts
 * const pending = rows.map(toPendingRevocation);
 * ```
 */
export function toPendingRevocation(row: OutboxRow): PendingRevocation {
  return {
    id: row.id,
    account: row.account,
    revoker: row.revoker,
    keepSessionDigest: row.keep_session_digest,
    createdAt: new Date(Number(row.created_at)),
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    lastError: row.last_error,
  };
}

/** A row of the sessions table as the drivers return it (BIGINT columns may come back as strings). */
export interface SessionRow {
  readonly account: string;
  readonly created_at: number | string;
  readonly expires_at: number | string;
  readonly epoch: number | string;
  readonly data: string;
}

/**
 * The {@link WebSession} a sessions row holds; `id` is the cookie value the caller looked it up by
 * (the table keeps only its digest).
 *
 * @example
 * ```ts
 * return row === undefined ? null : toWebSession(id, row);
 * ```
 */
export function toWebSession(id: string, row: SessionRow): WebSession {
  return {
    id,
    account: row.account,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    epoch: Number(row.epoch),
    data: JSON.parse(row.data) as Record<string, string>,
  };
}

/**
 * Checks the `historyLimit` of a write.
 *
 * @throws RangeError when it is not a non-negative integer.
 * @example
 * ```ts
 * checkHistoryLimit(5);
 * ```
 */
export function checkHistoryLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError('historyLimit must be a non-negative integer');
}

/**
 * Escapes `%`, `_` and `!` for a `LIKE … ESCAPE '!'` pattern (`!` rather than a backslash, which MySQL
 * string literals would read as an escape themselves).
 *
 * @example
 * ```ts
 * `%@${escapeLike('my_domain.org')}`; // '%@my!_domain.org'
 * ```
 */
export function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
