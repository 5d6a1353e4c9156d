/** @module CredentialStore over MySQL/MariaDB: Postfixadmin's mailbox table plus passrotate's state, history and outbox. */
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type {
  CredentialStore,
  MailboxPage,
  MailboxRecord,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
} from '../../ports/index.js';
import { domainOf, localPartOf, normalizeAccount } from '../shared/accounts.js';
import { pageLimit } from '../shared/page-limit.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { mailboxPasswordExpiry, mailboxWriteTimes } from '../sql/password-expiry.js';
import {
  domainCondition,
  domainExpiryDaysQuery,
  domainExpiryJoin,
  expiringCondition,
  mailboxSelect,
} from '../sql/queries.js';
import {
  checkHistoryLimit,
  escapeLike,
  type MailboxRow,
  type OutboxRow,
  toMailboxRecord,
  toPendingRevocation,
} from '../sql/records.js';
import { writeAuditRows } from '../sql/write-audit.js';
import { recordsAuditInWrite, writeOutcome } from '../sql/write-outcome.js';
import type { MysqlCredentialStoreOptions } from './options.js';
import { setPasswordProcedure } from './procedures.js';
import { inTransaction, mysqlErrno } from './transaction.js';

/** `ER_DUP_ENTRY`: the primary key exists already. */
const DUPLICATE_ENTRY = 1062;

/**
 * A DATETIME value from a UTC instant, in the session's time zone — the zone `NOW()` answers in,
 * so Dovecot's `password_expiry > NOW()` and Postfixadmin read it as they read their own values.
 * Takes one `?`: `YYYY-MM-DD HH:MM:SS` in UTC, or `NULL`.
 */
const DATETIME_FROM_UTC = "CONVERT_TZ(?, '+00:00', @@session.time_zone)";

function utcText(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 19).replace('T', ' ');
}

/** An outbox row as the procedure's `JSON_TABLE` reads it (a missing key is NULL). */
function storedRow(p: PendingRevocation): Record<string, unknown> {
  return {
    id: p.id,
    account: normalizeAccount(p.account),
    revoker: p.revoker,
    ...(p.keepSessionDigest === null ? {} : { keep: p.keepSessionDigest }),
    created_at: p.createdAt.getTime(),
    attempts: p.attempts,
    next_attempt_at: p.nextAttemptAt.getTime(),
    ...(p.lastError === null ? {} : { last_error: p.lastError }),
  };
}

type HistoryRow = MailboxRow & RowDataPacket & { readonly previous_hash: string | null };

/** A page of records from the rows of `limit + 1` mailboxes (the extra one only tells that more follow). */
function pageOf(rows: readonly HistoryRow[], limit: number): MailboxPage {
  const all = toRecords(rows);
  const mailboxes = all.slice(0, limit);
  const last = mailboxes[mailboxes.length - 1];
  return { mailboxes, nextCursor: all.length > limit && last ? last.account : null };
}

/** Folds rows of `mailbox ⟕ history` (newest first per account, accounts in order) into records. */
function toRecords(rows: readonly HistoryRow[]): MailboxRecord[] {
  const records: MailboxRecord[] = [];
  let current: { row: HistoryRow; history: string[] } | null = null;
  const flush = (): void => {
    if (current) records.push(toMailboxRecord(current.row, current.history));
  };
  for (const row of rows) {
    if (current?.row.account !== row.account) {
      flush();
      current = { row, history: [] };
    }
    if (row.previous_hash !== null) current.history.push(row.previous_hash);
  }
  flush();
  return records;
}

/**
 * A `CredentialStore` on an injected `mysql2/promise` pool, for MariaDB (tested: 10.11) and MySQL 8.
 * Reads and writes the mailbox table Dovecot's SQL passdb reads (Postfixadmin's layout by
 * default), so a change is live for Dovecot as soon as it commits; keeps the version, must-change
 * flag, expiry, history and outbox in `passrotate_*` tables. `modified` and `password_expiry` are
 * written as DATETIME in the session's time zone, as `NOW()` reads them, with Postfixadmin's
 * semantics: a change sets `modified` and `password_expiry` = change time + the domain's days
 * (far future without them, the earlier expiry of a temporary password), never NULL.
 *
 * Atomicity: a write is one call (one round trip) of the stored procedure `migrateMysql` creates:
 * one InnoDB transaction at READ COMMITTED that first locks the mailbox row and its state row
 * (`SELECT … FOR UPDATE`), then compares the version and writes the new hash, the version bump,
 * the history push and trim and the outbox rows, so exactly one of several racing writers with the
 * same expected version commits and a failed write changes nothing. A `get` is one statement,
 * hence one consistent snapshot. Run `migrateMysql` first (at every start: it replaces the
 * procedures after an upgrade).
 *
 * With `revokeSessionsInWrite: 'web-sessions'` (the web sessions in `mysqlSessionStore` on the same
 * database), the same transaction also ends the account's web sessions for that revoker's outbox
 * rows instead of inserting them, and the result lists them in `appliedRevocations`. With
 * `auditInWrite: true` the same call also records the write's audit events (the rows
 * `mysqlAuditSink` writes, passed as JSON) and the result says `auditRecorded: true`.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * const pool = mysql.createPool('mysql://mail:secret@127.0.0.1:3306/mail');
 * await migrateMysql({ pool });
 * const store = mysqlCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions' });
 * const sessions = mysqlSessionStore({ pool });
 * await store.get('alice@example.org');
 * ```
 */
export function mysqlCredentialStore(options: MysqlCredentialStoreOptions): CredentialStore {
  const schema = resolveSchema(options.schema, 'mysql');
  const { pool } = options;
  const { q } = schema;
  const withHistory = `, h.password_hash AS previous_hash`;
  const historyJoin = (alias: string) =>
    `LEFT JOIN ${q.history} h ON h.account = ${alias}.${alias === 'm' ? q.account : 'account'}`;
  /** The statements, reading Postfixadmin's expiry too when its domain table is there. */
  const sqlFor = (expiry: boolean) => {
    const dialect = expiry ? 'mysql' : null;
    const paged = (where: string) => `SELECT p.*${withHistory} FROM (
      SELECT ${mailboxSelect(schema, '', dialect)} WHERE ${where}
        AND CAST(m.${q.account} AS BINARY) > CAST(? AS BINARY)
      ORDER BY CAST(m.${q.account} AS BINARY) LIMIT ?
    ) p ${historyJoin('p')} ORDER BY CAST(p.account AS BINARY), h.seq DESC`;
    const expiring = expiringCondition(schema, dialect, '?');
    return {
      // No ORDER BY: MariaDB would sort the join through a temporary table (about 0.2 ms, as much
      // as the round trip); the one account's history rows are put newest first in `get` instead.
      get: `SELECT ${mailboxSelect(schema, `${withHistory}, h.seq AS previous_seq`, dialect)} ${historyJoin('m')}
        WHERE m.${q.account} = ?`,
      page: paged(domainCondition(schema, '?')),
      expiring: paged(expiring),
      expiringInDomain: paged(`${expiring} AND ${domainCondition(schema, '?')}`),
    };
  };
  const statementsFor = { [String(true)]: sqlFor(true), [String(false)]: sqlFor(false) };
  const sql = async () => statementsFor[String(await hasExpiryDays(pool))] as ReturnType<typeof sqlFor>;
  let domainExpiry: Promise<boolean> | undefined;
  /** Whether Postfixadmin's domain table with its expiry days is there (asked once). */
  function hasExpiryDays(db: Pool | PoolConnection): Promise<boolean> {
    const { domainTable, domainTableKey, domainExpiryDays } = schema.names;
    if (domainTable === null) return Promise.resolve(false);
    domainExpiry ??= db
      .query<RowDataPacket[]>(
        `SELECT COUNT(DISTINCT column_name) AS found FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name = ? AND column_name IN (?, ?)`,
        [domainTable, domainTableKey, domainExpiryDays],
      )
      .then(([rows]) => Number(rows[0]?.found) === new Set([domainTableKey, domainExpiryDays]).size)
      .catch((error: unknown) => {
        domainExpiry = undefined;
        throw error;
      });
    return domainExpiry;
  }
  /** The domain's password lifetime in days, when Postfixadmin's domain table is there. */
  async function domainDays(db: Pool | PoolConnection, domain: string): Promise<number | null> {
    const sql = domainExpiryDaysQuery(schema, '?');
    if (sql === null || !(await hasExpiryDays(db))) return null;
    const [rows] = await db.query<RowDataPacket[]>(sql, [domain]);
    const days = rows[0]?.days as number | string | null | undefined;
    return days === undefined || days === null ? null : Number(days);
  }
  const upsertState = `INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at)
    VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE version = ?, changed_at = ?, must_change = ?, expires_at = ?`;

  async function saveState(
    connection: PoolConnection,
    account: string,
    state: { version: number; changedAt: Date; mustChange: boolean; expiresAt: Date | null },
  ): Promise<void> {
    const values = [
      state.version,
      state.changedAt.getTime(),
      state.mustChange,
      state.expiresAt?.getTime() ?? null,
    ];
    await connection.query(upsertState, [account, ...values, ...values]);
  }

  type Outcome = Promise<{ value: PasswordWriteResult; rollback?: boolean }>;

  // Only the name matters here: migrateMysql created the procedure for this schema.
  const setPassword = setPasswordProcedure(schema, { domainExpiry: false, accountType: '' });
  const applyRevoker = options.revokeSessionsInWrite ?? null;
  const auditInWrite = options.auditInWrite === true;
  async function write(w: PasswordWrite, account: string): Promise<PasswordWriteResult> {
    // The domain's days are applied inside the procedure; here the expiry without them.
    const times = mailboxWriteTimes(w, null, new Date());
    const applied = w.pendingRevocations.filter((p) => p.revoker === applyRevoker);
    const outbox = w.pendingRevocations.filter((p) => p.revoker !== applyRevoker);
    const audited = recordsAuditInWrite(auditInWrite, w);
    const auditRows = audited ? writeAuditRows(w, new Set(applied.map((p) => p.id))) : [];
    const [sets] = await pool.execute<RowDataPacket[][]>(
      `CALL ${setPassword.name}(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        account,
        w.expectedVersion,
        w.passwordHash,
        w.changedAt.getTime(),
        w.mustChange,
        w.expiresAt?.getTime() ?? null,
        w.historyLimit,
        w.keepHistory === true,
        utcText(times.modified),
        utcText(times.expiry),
        utcText(w.changedAt),
        outbox.length === 0 ? null : JSON.stringify(outbox.map(storedRow)),
        JSON.stringify(
          applied.map((p) => ({ account: normalizeAccount(p.account), keep: p.keepSessionDigest ?? '' })),
        ),
        audited ? JSON.stringify(auditRows) : null,
      ],
    );
    return writeOutcome(
      Number(sets[0]?.[0]?.v),
      applied.map((p) => p.id),
      audited,
    );
  }

  async function create(connection: PoolConnection, m: NewMailbox, account: string): Outcome {
    const now = m.changedAt ?? new Date();
    const days = await domainDays(connection, domainOf(account));
    const expiry = mailboxPasswordExpiry({ changedAt: now, expiresAt: m.expiresAt }, days);
    const columns: [string | null, unknown, string?][] = [
      [q.account, account],
      [q.password, m.passwordHash],
      [q.displayName, m.displayName ?? ''],
      [q.domain, domainOf(account)],
      [q.localPart, localPartOf(account)],
      [q.maildir, `${domainOf(account)}/${localPartOf(account)}/`],
      [q.active, m.active ?? true],
      [q.created, utcText(now), DATETIME_FROM_UTC],
      [q.modified, utcText(now), DATETIME_FROM_UTC],
      [q.passwordExpiry, utcText(expiry), DATETIME_FROM_UTC],
    ];
    const present = columns.filter((c): c is [string, unknown, string?] => c[0] !== null);
    try {
      await connection.query(
        `INSERT INTO ${q.table} (${present.map((c) => c[0]).join(', ')})
         VALUES (${present.map((c) => c[2] ?? '?').join(', ')})`,
        present.map((c) => c[1]),
      );
    } catch (error) {
      if (mysqlErrno(error) === DUPLICATE_ENTRY) {
        return { value: { ok: false, code: 'conflict' }, rollback: true };
      }
      throw error;
    }
    await saveState(connection, account, {
      version: 1,
      changedAt: now,
      mustChange: m.mustChange ?? false,
      expiresAt: m.expiresAt ?? null,
    });
    await connection.query(`DELETE FROM ${q.history} WHERE account = ?`, [account]);
    return { value: { ok: true, version: 1 } };
  }

  return {
    async get(account) {
      const [rows] = await pool.execute<(HistoryRow & { previous_seq: number | null })[]>((await sql()).get, [
        normalizeAccount(account),
      ]);
      rows.sort((a, b) => Number(b.previous_seq) - Number(a.previous_seq));
      return toRecords(rows)[0] ?? null;
    },
    async setPassword(w): Promise<PasswordWriteResult> {
      checkHistoryLimit(w.historyLimit);
      const account = normalizeAccount(w.account);
      return write(w, account);
    },
    async createMailbox(m): Promise<PasswordWriteResult> {
      const account = normalizeAccount(m.account);
      return inTransaction(pool, (connection) => create(connection, m, account));
    },
    async listByDomain(domain, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = domain.trim().toLowerCase();
      const [rows] = await pool.query<HistoryRow[]>((await sql()).page, [
        q.domain ? d : `%@${escapeLike(d)}`,
        opts.cursor ?? '',
        limit + 1,
      ]);
      return pageOf(rows, limit);
    },
    async listExpiringBefore(before, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = opts.domain?.trim().toLowerCase() ?? null;
      const expiry = await hasExpiryDays(pool);
      const statements = statementsFor[String(expiry)] as ReturnType<typeof sqlFor>;
      // With Postfixadmin's expiry joined, the condition takes the instant twice.
      const twice = expiry && domainExpiryJoin(schema, 'mysql') !== null;
      const [rows] = await pool.query<HistoryRow[]>(
        d === null ? statements.expiring : statements.expiringInDomain,
        [
          before.getTime(),
          ...(twice ? [before.getTime()] : []),
          ...(d === null ? [] : [q.domain ? d : `%@${escapeLike(d)}`]),
          opts.cursor ?? '',
          limit + 1,
        ],
      );
      return pageOf(rows, limit);
    },
    async listPendingRevocations(now, limit): Promise<readonly PendingRevocation[]> {
      const [rows] = await pool.query<(OutboxRow & RowDataPacket)[]>(
        `SELECT * FROM ${q.outbox} WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        [now.getTime(), limit],
      );
      return rows.map(toPendingRevocation);
    },
    async completeRevocation(id) {
      await pool.query(`DELETE FROM ${q.outbox} WHERE id = ?`, [id]);
    },
    async failRevocation(id, errorCode, nextAttemptAt) {
      await pool.query(
        `UPDATE ${q.outbox} SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`,
        [errorCode, nextAttemptAt.getTime(), id],
      );
    },
  };
}
