/** @module CredentialStore over PostgreSQL: Postfixadmin's mailbox table plus passrotate's state, history and outbox. */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type {
  CredentialStore,
  MailboxPage,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
} from '../../ports/index.js';
import { domainOf, localPartOf, normalizeAccount } from '../shared/accounts.js';
import { pageLimit } from '../shared/page-limit.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { mailboxPasswordExpiry, mailboxWriteTimes } from '../sql/password-expiry.js';
import { domainCondition, domainExpiryDaysQuery, expiringCondition, mailboxSelect } from '../sql/queries.js';
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
import { hasDomainExpiry } from './domain-expiry.js';
import type { PostgresCredentialStoreOptions } from './options.js';
import { setPasswordFunction } from './set-password-function.js';
import { inTransaction } from './transaction.js';

/** An outbox row in the shape `jsonb_to_recordset` reads back (dates as epoch milliseconds). */
function storedRow(p: PendingRevocation): Record<string, unknown> {
  return {
    id: p.id,
    account: normalizeAccount(p.account),
    revoker: p.revoker,
    keep_session_digest: p.keepSessionDigest,
    created_at: p.createdAt.getTime(),
    attempts: p.attempts,
    next_attempt_at: p.nextAttemptAt.getTime(),
    last_error: p.lastError,
  };
}

/**
 * A `CredentialStore` on an injected `pg` pool. Reads and writes the mailbox table Dovecot's SQL
 * passdb reads; keeps the version, must-change flag, expiry, history and outbox in `passrotate_*`
 * tables.
 *
 * Atomicity: a write is one call of the PL/pgSQL function `migratePostgres` creates, which locks
 * the mailbox and state rows (`SELECT … FOR UPDATE`), compares the version and writes the new
 * hash, the version bump, the history push and the outbox rows in one transaction, so exactly one
 * of several racing writers with the same expected version commits and a failed write changes
 * nothing. Run `migratePostgres` first (at every start: it replaces the function after an upgrade).
 *
 * With `revokeSessionsInWrite: 'web-sessions'` (the web sessions in `postgresSessionStore` on the
 * same database), the same transaction also ends the account's web sessions for that revoker's
 * outbox rows (epoch raise, sessions deleted but the kept one) instead of inserting the rows, and
 * the result lists them in `appliedRevocations`: one round trip for the write and the log-out.
 * With `auditInWrite: true` the same call also records the write's audit events (the rows
 * `postgresAuditSink` writes) and the result says `auditRecorded: true`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres({ pool });
 * const store = postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions' });
 * const sessions = postgresSessionStore({ pool });
 * await store.get('alice@example.org');
 * ```
 */
export function postgresCredentialStore(options: PostgresCredentialStoreOptions): CredentialStore {
  const schema = resolveSchema(options.schema);
  const { pool } = options;
  const applyRevoker = options.revokeSessionsInWrite ?? null;
  const auditInWrite = options.auditInWrite === true;
  const { q } = schema;
  // Named statements are parsed and planned once per connection; the name covers the schema.
  const statementName = (what: string): string =>
    `passrotate_${createHash('sha256')
      .update(`${JSON.stringify(schema.names)}:${what}`)
      .digest('hex')
      .slice(0, 24)}`;
  const history = `, ARRAY(SELECT h.password_hash FROM ${q.history} h WHERE h.account = m.${q.account} ORDER BY h.seq DESC) AS previous_hashes`;
  /** The mailbox SELECT, reading Postfixadmin's expiry too when its domain table is there. */
  const selectFor = (expiry: boolean): string => mailboxSelect(schema, history, expiry ? 'postgres' : null);
  const withHistory = (row: MailboxRow & { previous_hashes: string[] }) =>
    toMailboxRecord(row, row.previous_hashes);
  /** A page of records from `limit + 1` rows (the extra one only tells that more follow). */
  const pageOf = (
    all: readonly (MailboxRow & { previous_hashes: string[] })[],
    limit: number,
  ): MailboxPage => {
    const mailboxes = all.slice(0, limit).map(withHistory);
    const last = mailboxes[mailboxes.length - 1];
    return { mailboxes, nextCursor: all.length > limit && last ? last.account : null };
  };

  // Only the name matters here: migratePostgres created the function for this schema.
  const setPassword = setPasswordFunction(schema, { domainExpiry: false });
  async function write(w: PasswordWrite, account: string): Promise<PasswordWriteResult> {
    // The domain's days are applied inside the function; here the expiry without them.
    const times = mailboxWriteTimes(w, null, new Date());
    const applied = w.pendingRevocations.filter((p) => p.revoker === applyRevoker).map((p) => p.id);
    const audited = recordsAuditInWrite(auditInWrite, w);
    const res = await pool.query<{ v: string }>({
      name: statementName('write'),
      text: `SELECT ${setPassword.name}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14::jsonb) AS v`,
      values: [
        account,
        w.expectedVersion,
        w.passwordHash,
        w.changedAt.getTime(),
        w.mustChange,
        w.expiresAt?.getTime() ?? null,
        w.historyLimit,
        w.keepHistory === true,
        times.modified,
        times.expiry,
        w.changedAt,
        JSON.stringify(w.pendingRevocations.map(storedRow)),
        applyRevoker,
        audited ? JSON.stringify(writeAuditRows(w, new Set(applied))) : null,
      ],
    });
    return writeOutcome(Number(res.rows[0]?.v), applied, audited);
  }

  let domainExpiry: Promise<boolean> | undefined;
  /** Whether Postfixadmin's domain table with its expiry days is there (asked once). */
  function hasExpiryDays(client: Pool | PoolClient): Promise<boolean> {
    domainExpiry ??= hasDomainExpiry(client, schema).catch((error: unknown) => {
      domainExpiry = undefined;
      throw error;
    });
    return domainExpiry;
  }
  async function domainDays(client: PoolClient, domain: string): Promise<number | null> {
    const sql = domainExpiryDaysQuery(schema, '$1');
    if (sql === null || !(await hasExpiryDays(client))) return null;
    const res = await client.query<{ days: number | null }>(sql, [domain]);
    return res.rows[0]?.days ?? null;
  }

  async function create(client: PoolClient, m: NewMailbox, account: string): Promise<PasswordWriteResult> {
    const now = m.changedAt ?? new Date();
    const expiry = mailboxPasswordExpiry(
      { changedAt: now, expiresAt: m.expiresAt },
      await domainDays(client, domainOf(account)),
    );
    const columns: [string | null, unknown][] = [
      [q.account, account],
      [q.password, m.passwordHash],
      [q.displayName, m.displayName ?? ''],
      [q.domain, domainOf(account)],
      [q.localPart, localPartOf(account)],
      [q.maildir, `${domainOf(account)}/${localPartOf(account)}/`],
      [q.active, m.active ?? true],
      [q.created, now],
      [q.modified, now],
      [q.passwordExpiry, expiry],
    ];
    const present = columns.filter((c): c is [string, unknown] => c[0] !== null);
    const inserted = await client.query(
      `INSERT INTO ${q.table} (${present.map((c) => c[0]).join(', ')})
       VALUES (${present.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (${q.account}) DO NOTHING`,
      present.map((c) => c[1]),
    );
    if (inserted.rowCount !== 1) return { ok: false, code: 'conflict' };
    await client.query(
      `INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at) VALUES ($1, 1, $2, $3, $4)
       ON CONFLICT (account) DO UPDATE SET version = 1, changed_at = excluded.changed_at,
         must_change = excluded.must_change, expires_at = excluded.expires_at`,
      [account, now.getTime(), m.mustChange ?? false, m.expiresAt?.getTime() ?? null],
    );
    await client.query(`DELETE FROM ${q.history} WHERE account = $1`, [account]);
    return { ok: true, version: 1 };
  }

  return {
    async get(account) {
      const a = normalizeAccount(account);
      const expiry = await hasExpiryDays(pool);
      const res = await pool.query<MailboxRow & { previous_hashes: string[] }>({
        name: statementName(expiry ? 'get+expiry' : 'get'),
        text: `SELECT ${selectFor(expiry)} WHERE m.${q.account} = $1`,
        values: [a],
      });
      const row = res.rows[0];
      return row === undefined ? null : withHistory(row);
    },
    async setPassword(w) {
      checkHistoryLimit(w.historyLimit);
      const account = normalizeAccount(w.account);
      return write(w, account);
    },
    async createMailbox(m) {
      const account = normalizeAccount(m.account);
      return inTransaction(pool, async (client) => {
        const value = await create(client, m, account);
        return { value, rollback: !value.ok };
      });
    },
    async listByDomain(domain, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = domain.trim().toLowerCase();
      const res = await pool.query<MailboxRow & { previous_hashes: string[] }>(
        `SELECT ${selectFor(await hasExpiryDays(pool))} WHERE ${domainCondition(schema, '$1')} AND m.${q.account} COLLATE "C" > $2
         ORDER BY m.${q.account} COLLATE "C" LIMIT $3`,
        [q.domain ? d : `%@${escapeLike(d)}`, opts.cursor ?? '', limit + 1],
      );
      return pageOf(res.rows, limit);
    },
    async listExpiringBefore(before, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const expiry = await hasExpiryDays(pool);
      const d = opts.domain?.trim().toLowerCase() ?? null;
      const inDomain = d === null ? '' : `AND ${domainCondition(schema, '$4')}`;
      const res = await pool.query<MailboxRow & { previous_hashes: string[] }>(
        `SELECT ${selectFor(expiry)} WHERE ${expiringCondition(schema, expiry ? 'postgres' : null, '$1')} ${inDomain}
         AND m.${q.account} COLLATE "C" > $2 ORDER BY m.${q.account} COLLATE "C" LIMIT $3`,
        [
          before.getTime(),
          opts.cursor ?? '',
          limit + 1,
          ...(d === null ? [] : [q.domain ? d : `%@${escapeLike(d)}`]),
        ],
      );
      return pageOf(res.rows, limit);
    },
    async listPendingRevocations(now, limit): Promise<readonly PendingRevocation[]> {
      const res = await pool.query<OutboxRow>(
        `SELECT * FROM ${q.outbox} WHERE next_attempt_at <= $1 ORDER BY next_attempt_at, id COLLATE "C" LIMIT $2`,
        [now.getTime(), limit],
      );
      return res.rows.map(toPendingRevocation);
    },
    async completeRevocation(id) {
      await pool.query(`DELETE FROM ${q.outbox} WHERE id = $1`, [id]);
    },
    async failRevocation(id, errorCode, nextAttemptAt) {
      await pool.query(
        `UPDATE ${q.outbox} SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3`,
        [errorCode, nextAttemptAt.getTime(), id],
      );
    },
  };
}
