/** @module CredentialStore over PostgreSQL: Postfixadmin's mailbox table plus passrotate's state, history and outbox. */
import type { PoolClient } from 'pg';
import type {
  CredentialStore,
  MailboxPage,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
} from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import { domainCondition, mailboxSelect } from '../sql/queries.js';
import {
  checkHistoryLimit,
  domainOf,
  escapeLike,
  localPartOf,
  type MailboxRow,
  normalizeAccount,
  type OutboxRow,
  pageLimit,
  toMailboxRecord,
  toPendingRevocation,
} from '../sql/records.js';
import type { PostgresOptions } from './options.js';
import { inTransaction } from './transaction.js';

/**
 * A `CredentialStore` on an injected `pg` pool. Reads and writes the mailbox table Dovecot's SQL
 * passdb reads; keeps the version, must-change flag, expiry, history and outbox in `passrotate_*`
 * tables.
 *
 * Atomicity: a write locks the mailbox row (`SELECT … FOR UPDATE`), compares the version and
 * writes the new hash, the version bump, the history push and the outbox rows in one
 * transaction, so exactly one of several racing writers with the same expected version commits
 * and a failed write changes nothing. Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgres({ pool });
 * const store = postgresCredentialStore({ pool });
 * await store.get('alice@example.org');
 * ```
 */
export function postgresCredentialStore(options: PostgresOptions): CredentialStore {
  const schema = resolveSchema(options.schema);
  const { pool } = options;
  const { q } = schema;
  const select = mailboxSelect(schema);

  const historyOf = async (client: Pick<PoolClient, 'query'>, account: string): Promise<string[]> => {
    const res = await client.query<{ password_hash: string }>(
      `SELECT password_hash FROM ${q.history} WHERE account = $1 ORDER BY seq DESC`,
      [account],
    );
    return res.rows.map((r) => r.password_hash);
  };

  async function write(client: PoolClient, w: PasswordWrite, account: string): Promise<PasswordWriteResult> {
    // Lock the mailbox row first, then read the version in a later statement: under READ COMMITTED
    // that statement sees every write committed before the lock was granted.
    const locked = await client.query<{ account: string; password_hash: string }>(
      `SELECT ${q.account} AS account, ${q.password} AS password_hash FROM ${q.table} WHERE ${q.account} = $1 FOR UPDATE`,
      [account],
    );
    const row = locked.rows[0];
    if (row === undefined) return { ok: false, code: 'not_found' };
    const state = await client.query<{ version: string }>(
      `SELECT version FROM ${q.state} WHERE account = $1`,
      [row.account],
    );
    const current = state.rows[0] === undefined ? 1 : Number(state.rows[0].version);
    if (current !== w.expectedVersion) return { ok: false, code: 'conflict' };
    const version = current + 1;
    const sets = [`${q.password} = $2`];
    const values: unknown[] = [row.account, w.passwordHash];
    if (q.modified) sets.push(`${q.modified} = $${values.push(w.changedAt)}`);
    if (q.passwordExpiry) sets.push(`${q.passwordExpiry} = $${values.push(w.expiresAt)}`);
    await client.query(`UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = $1`, values);
    await client.query(
      `INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at,
         must_change = excluded.must_change, expires_at = excluded.expires_at`,
      [row.account, version, w.changedAt.getTime(), w.mustChange, w.expiresAt?.getTime() ?? null],
    );
    if (w.historyLimit > 0 && !w.keepHistory && w.passwordHash !== row.password_hash) {
      await client.query(
        `INSERT INTO ${q.history} (account, seq, password_hash)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${q.history} WHERE account = $1), $2)`,
        [row.account, row.password_hash],
      );
    }
    await client.query(
      `DELETE FROM ${q.history} WHERE account = $1 AND seq NOT IN
       (SELECT seq FROM ${q.history} WHERE account = $1 ORDER BY seq DESC LIMIT $2)`,
      [row.account, w.historyLimit],
    );
    for (const p of w.pendingRevocations) {
      await client.query(
        `INSERT INTO ${q.outbox} (id, account, revoker, keep_session_id, created_at, attempts, next_attempt_at, last_error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          p.id,
          normalizeAccount(p.account),
          p.revoker,
          p.keepSessionId,
          p.createdAt.getTime(),
          p.attempts,
          p.nextAttemptAt.getTime(),
          p.lastError,
        ],
      );
    }
    return { ok: true, version };
  }

  async function create(client: PoolClient, m: NewMailbox, account: string): Promise<PasswordWriteResult> {
    const now = m.changedAt ?? new Date();
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
      [q.passwordExpiry, m.expiresAt ?? null],
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
      const res = await pool.query<MailboxRow>(`SELECT ${select} WHERE m.${q.account} = $1`, [a]);
      const row = res.rows[0];
      return row === undefined ? null : toMailboxRecord(row, await historyOf(pool, row.account));
    },
    async setPassword(w) {
      checkHistoryLimit(w.historyLimit);
      const account = normalizeAccount(w.account);
      return inTransaction(pool, async (client) => {
        const value = await write(client, w, account);
        return { value, rollback: !value.ok };
      });
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
      const res = await pool.query<MailboxRow>(
        `SELECT ${select} WHERE ${domainCondition(schema, '$1')} AND m.${q.account} COLLATE "C" > $2
         ORDER BY m.${q.account} COLLATE "C" LIMIT $3`,
        [q.domain ? d : `%@${escapeLike(d)}`, opts.cursor ?? '', limit + 1],
      );
      const rows = res.rows.slice(0, limit);
      const mailboxes = await Promise.all(
        rows.map(async (r) => toMailboxRecord(r, await historyOf(pool, r.account))),
      );
      const last = mailboxes[mailboxes.length - 1];
      return { mailboxes, nextCursor: res.rows.length > limit && last ? last.account : null };
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
