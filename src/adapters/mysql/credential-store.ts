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
import type { MysqlOptions } from './options.js';
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
 * Atomicity: a write is one InnoDB transaction at READ COMMITTED that first locks the mailbox row
 * and its state row (`SELECT … FOR UPDATE`), then compares the version and writes the new hash,
 * the version bump, the history push and trim and the outbox rows, so exactly one of several
 * racing writers with the same expected version commits and a failed write changes nothing.
 * A `get` is one statement, hence one consistent snapshot. Run `migrateMysql` first.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * const pool = mysql.createPool('mysql://mail:secret@127.0.0.1:3306/mail');
 * await migrateMysql({ pool });
 * const store = mysqlCredentialStore({ pool });
 * await store.get('alice@example.org');
 * ```
 */
export function mysqlCredentialStore(options: MysqlOptions): CredentialStore {
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
      get: `SELECT ${mailboxSelect(schema, withHistory, dialect)} ${historyJoin('m')}
        WHERE m.${q.account} = ? ORDER BY h.seq DESC`,
      page: paged(domainCondition(schema, '?')),
      expiring: paged(expiring),
      expiringInDomain: paged(`${expiring} AND ${domainCondition(schema, '?')}`),
    };
  };
  const statementsFor = { [String(true)]: sqlFor(true), [String(false)]: sqlFor(false) };
  const sql = async () => statementsFor[String(await hasExpiryDays(pool))] as ReturnType<typeof sqlFor>;
  const lockSql = `SELECT m.${q.account} AS account, m.${q.password} AS password_hash, s.version AS version,
    ${q.domain ? `m.${q.domain}` : 'NULL'} AS domain FROM ${q.table} m LEFT JOIN ${q.state} s ON s.account = m.${q.account} WHERE m.${q.account} = ? FOR UPDATE`;
  const setMailbox = [`${q.password} = ?`, q.modified && `${q.modified} = ${DATETIME_FROM_UTC}`].filter(
    Boolean,
  );
  const setExpiry = q.passwordExpiry ? [`${q.passwordExpiry} = ${DATETIME_FROM_UTC}`] : [];

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

  async function write(connection: PoolConnection, w: PasswordWrite, account: string): Outcome {
    const [locked] = await connection.query<(MailboxRow & RowDataPacket)[]>(lockSql, [account]);
    const row = locked[0];
    if (row === undefined) return { value: { ok: false, code: 'not_found' }, rollback: true };
    const current = row.version === null ? 1 : Number(row.version);
    if (current !== w.expectedVersion) return { value: { ok: false, code: 'conflict' }, rollback: true };
    const version = current + 1;
    const days = await domainDays(connection, row.domain ?? domainOf(row.account));
    const times = mailboxWriteTimes(w, days, new Date());
    const sets = times.expiry === null ? setMailbox : [...setMailbox, ...setExpiry];
    const mailboxValues = [
      w.passwordHash,
      ...(q.modified ? [utcText(times.modified)] : []),
      ...(q.passwordExpiry && times.expiry !== null ? [utcText(times.expiry)] : []),
    ];
    if (row.version === null) {
      // A mailbox another tool created has no state row yet: write both tables one by one.
      await connection.query(`UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = ?`, [
        ...mailboxValues,
        row.account,
      ]);
      await saveState(connection, row.account, { ...w, version });
    } else {
      // Both rows are locked: one multi-table UPDATE writes the hash and the state together.
      await connection.query(
        `UPDATE ${q.table} m JOIN ${q.state} s ON s.account = m.${q.account}
         SET ${sets.map((set) => `m.${set}`).join(', ')}, s.version = ?, s.changed_at = ?, s.must_change = ?,
           s.expires_at = ? WHERE m.${q.account} = ?`,
        [
          ...mailboxValues,
          version,
          w.changedAt.getTime(),
          w.mustChange,
          w.expiresAt?.getTime() ?? null,
          row.account,
        ],
      );
    }
    if (w.historyLimit > 0 && !w.keepHistory && w.passwordHash !== row.password_hash) {
      await connection.query(
        `INSERT INTO ${q.history} (account, seq, password_hash)
         SELECT ?, COALESCE(MAX(seq), 0) + 1, ? FROM ${q.history} WHERE account = ?`,
        [row.account, row.password_hash, row.account],
      );
    }
    // Keeps the newest `historyLimit` rows: deletes from the first one past them down, in one
    // statement (the derived table is materialized before the delete, as MySQL requires).
    await connection.query(
      `DELETE h FROM ${q.history} h JOIN (
         SELECT seq FROM ${q.history} WHERE account = ? ORDER BY seq DESC LIMIT ?, 1
       ) dropped ON h.seq <= dropped.seq WHERE h.account = ?`,
      [row.account, w.historyLimit, row.account],
    );
    if (w.pendingRevocations.length > 0) {
      await connection.query(
        `INSERT INTO ${q.outbox} (id, account, revoker, keep_session_digest, created_at, attempts, next_attempt_at, last_error)
         VALUES ?`,
        [
          w.pendingRevocations.map((p) => [
            p.id,
            normalizeAccount(p.account),
            p.revoker,
            p.keepSessionDigest,
            p.createdAt.getTime(),
            p.attempts,
            p.nextAttemptAt.getTime(),
            p.lastError,
          ]),
        ],
      );
    }
    return { value: { ok: true, version } };
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
      const [rows] = await pool.query<HistoryRow[]>((await sql()).get, [normalizeAccount(account)]);
      return toRecords(rows)[0] ?? null;
    },
    async setPassword(w): Promise<PasswordWriteResult> {
      checkHistoryLimit(w.historyLimit);
      const account = normalizeAccount(w.account);
      return inTransaction(pool, (connection) => write(connection, w, account));
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
