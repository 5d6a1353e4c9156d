/** @module CredentialStore over SQLite: Postfixadmin's mailbox table plus passrotate's state, history and outbox. */
import type { Statement } from 'better-sqlite3';
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
import type { SqliteCredentialStoreOptions } from './options.js';
import { sqliteRevokeSessions } from './revoke-sessions.js';

/** Postfixadmin's DATETIME text, UTC: `2026-01-31 12:00:00`. */
function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A `CredentialStore` on an injected better-sqlite3 database. Reads and writes the mailbox table
 * Dovecot's SQL passdb reads, so a change is live for Dovecot as soon as it commits; keeps the
 * version, must-change flag, expiry, history and outbox in `passrotate_*` tables.
 *
 * Atomicity: every write runs in one `BEGIN IMMEDIATE` transaction (the new hash, the version
 * bump, the history push and the outbox rows together), which takes SQLite's write lock before
 * reading the version, so compare-and-set holds across processes sharing the file. Sets
 * `PRAGMA secure_delete = ON` on the connection, so a done outbox row is overwritten, not left in
 * free pages. Run `migrateSqlite` first.
 *
 * With `revokeSessionsInWrite: 'web-sessions'` (the web sessions in `sqliteSessionStore` on the
 * same database), the same transaction also ends the account's web sessions for that revoker's
 * outbox rows instead of inserting them, and the result lists them in `appliedRevocations`. With
 * `auditInWrite: true` it also records the write's audit events (`sqliteAuditSink`'s table and
 * rows) in that transaction and answers `auditRecorded: true`.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const db = new Database('mail.sqlite');
 * migrateSqlite({ db });
 * const store = sqliteCredentialStore({ db });
 * await store.get('alice@example.org');
 * ```
 */
export function sqliteCredentialStore(options: SqliteCredentialStoreOptions): CredentialStore {
  const schema = resolveSchema(options.schema);
  const { db } = options;
  const applyRevoker = options.revokeSessionsInWrite ?? null;
  const auditInWrite = options.auditInWrite === true;
  const revokeSessions = sqliteRevokeSessions(db, schema);
  db.pragma('secure_delete = ON');
  const { q } = schema;
  let statements: ReturnType<typeof prepare> | undefined;
  const s = (): ReturnType<typeof prepare> => {
    statements ??= prepare();
    return statements;
  };

  /** The domain-days lookup, when Postfixadmin's domain table is there with both columns. */
  function prepareDomainDays(): Statement<[string], { days: number | null }> | null {
    const sql = domainExpiryDaysQuery(schema, '?');
    if (sql === null || schema.names.domainTable === null) return null;
    const columns = db
      .prepare(`PRAGMA table_info(${q.domainTable})`)
      .all()
      .map((c) => (c as { name: string }).name);
    const { domainTableKey, domainExpiryDays } = schema.names;
    if (!columns.includes(domainTableKey) || !columns.includes(domainExpiryDays)) return null;
    return db.prepare(sql) as Statement<[string], { days: number | null }>;
  }

  function prepare() {
    const setMailbox = [`${q.password} = @hash`, q.modified && `${q.modified} = @modified`].filter(Boolean);
    const setExpiry = q.passwordExpiry ? [`${q.passwordExpiry} = @expiry`] : [];
    const update = (sets: readonly (string | null)[]) =>
      db.prepare(`UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = @account`);
    const domainDays = prepareDomainDays();
    /** Postfixadmin's expiry is read with each mailbox when its domain table is there. */
    const expiry = domainDays === null ? null : 'sqlite';
    return {
      domainDays,
      get: db.prepare(`SELECT ${mailboxSelect(schema, '', expiry)} WHERE m.${q.account} = ?`) as Statement<
        [string],
        MailboxRow
      >,
      history: db.prepare(
        `SELECT password_hash FROM ${q.history} WHERE account = ? ORDER BY seq DESC`,
      ) as Statement<[string], { password_hash: string }>,
      updateMailbox: update(setMailbox),
      updateMailboxAndExpiry: update([...setMailbox, ...setExpiry]),
      upsertState: db.prepare(
        `INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at)
         VALUES (@account, @version, @changedAt, @mustChange, @expiresAt)
         ON CONFLICT (account) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at,
           must_change = excluded.must_change, expires_at = excluded.expires_at`,
      ),
      pushHistory: db.prepare(
        `INSERT INTO ${q.history} (account, seq, password_hash)
         VALUES (@account, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${q.history} WHERE account = @account), @hash)`,
      ),
      trimHistory: db.prepare(
        `DELETE FROM ${q.history} WHERE account = @account AND seq NOT IN
         (SELECT seq FROM ${q.history} WHERE account = @account ORDER BY seq DESC LIMIT @keep)`,
      ),
      insertOutbox: db.prepare(
        `INSERT INTO ${q.outbox} (id, account, revoker, keep_session_digest, created_at, attempts, next_attempt_at, last_error)
         VALUES (@id, @account, @revoker, @keepSessionDigest, @createdAt, @attempts, @nextAttemptAt, @lastError)`,
      ),
      insertAudit: db.prepare(
        `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details)
         VALUES (@type, @account, @actor, @at, @outcome, @details)`,
      ),
      page: db.prepare(
        `SELECT ${mailboxSelect(schema, '', expiry)} WHERE ${domainCondition(schema, '@domain')} AND m.${q.account} > @after
         ORDER BY m.${q.account} LIMIT @limit`,
      ) as Statement<[{ domain: string; after: string; limit: number }], MailboxRow>,
      expiring: db.prepare(
        `SELECT ${mailboxSelect(schema, '', expiry)} WHERE ${expiringCondition(schema, expiry, '@before')}
         AND m.${q.account} > @after ORDER BY m.${q.account} LIMIT @limit`,
      ) as Statement<[{ before: number; after: string; limit: number }], MailboxRow>,
      expiringInDomain: db.prepare(
        `SELECT ${mailboxSelect(schema, '', expiry)} WHERE ${expiringCondition(schema, expiry, '@before')}
         AND ${domainCondition(schema, '@domain')} AND m.${q.account} > @after ORDER BY m.${q.account} LIMIT @limit`,
      ) as Statement<[{ before: number; domain: string; after: string; limit: number }], MailboxRow>,
      due: db.prepare(
        `SELECT * FROM ${q.outbox} WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      ) as Statement<[number, number], OutboxRow>,
      complete: db.prepare(`DELETE FROM ${q.outbox} WHERE id = ?`),
      fail: db.prepare(
        `UPDATE ${q.outbox} SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`,
      ),
    };
  }

  const domainDays = (domain: string): number | null => s().domainDays?.get(domain)?.days ?? null;

  const read = (account: string) => {
    const row = s().get.get(account);
    if (row === undefined) return null;
    const history = s()
      .history.all(row.account)
      .map((h) => h.password_hash);
    return toMailboxRecord(row, history);
  };

  /** A page of records from `limit + 1` rows (the extra one only tells that more follow). */
  const pageOf = (rows: readonly MailboxRow[], limit: number): MailboxPage => {
    const page = rows.slice(0, limit).map((row) =>
      toMailboxRecord(
        row,
        s()
          .history.all(row.account)
          .map((h) => h.password_hash),
      ),
    );
    const last = page[page.length - 1];
    return { mailboxes: page, nextCursor: rows.length > limit && last ? last.account : null };
  };

  const write = db.transaction((w: PasswordWrite, account: string): PasswordWriteResult => {
    const row = s().get.get(account);
    if (row === undefined) return { ok: false, code: 'not_found' };
    const current = row.version === null ? 1 : Number(row.version);
    if (current !== w.expectedVersion) return { ok: false, code: 'conflict' };
    const version = current + 1;
    const times = mailboxWriteTimes(w, domainDays(row.domain ?? domainOf(row.account)), new Date());
    (times.expiry === null ? s().updateMailbox : s().updateMailboxAndExpiry).run({
      account: row.account,
      hash: w.passwordHash,
      ...(q.modified ? { modified: sqlTime(times.modified) } : {}),
      ...(q.passwordExpiry && times.expiry !== null ? { expiry: sqlTime(times.expiry) } : {}),
    });
    s().upsertState.run({
      account: row.account,
      version,
      changedAt: w.changedAt.getTime(),
      mustChange: w.mustChange ? 1 : 0,
      expiresAt: w.expiresAt === null ? null : w.expiresAt.getTime(),
    });
    if (w.historyLimit > 0 && !w.keepHistory && w.passwordHash !== row.password_hash) {
      s().pushHistory.run({ account: row.account, hash: row.password_hash });
    }
    s().trimHistory.run({ account: row.account, keep: w.historyLimit });
    const applied: string[] = [];
    for (const p of w.pendingRevocations) {
      if (p.revoker === applyRevoker) {
        revokeSessions(normalizeAccount(p.account), p.keepSessionDigest);
        applied.push(p.id);
        continue;
      }
      s().insertOutbox.run({
        id: p.id,
        account: normalizeAccount(p.account),
        revoker: p.revoker,
        keepSessionDigest: p.keepSessionDigest,
        createdAt: p.createdAt.getTime(),
        attempts: p.attempts,
        nextAttemptAt: p.nextAttemptAt.getTime(),
        lastError: p.lastError,
      });
    }
    const audited = recordsAuditInWrite(auditInWrite, w);
    if (audited) for (const event of writeAuditRows(w, new Set(applied))) s().insertAudit.run(event);
    return writeOutcome(version, applied, audited);
  });

  const create = db.transaction((m: NewMailbox, account: string): PasswordWriteResult => {
    if (s().get.get(account) !== undefined) return { ok: false, code: 'conflict' };
    const now = m.changedAt ?? new Date();
    const columns: [string | null, unknown][] = [
      [q.account, account],
      [q.password, m.passwordHash],
      [q.displayName, m.displayName ?? ''],
      [q.domain, domainOf(account)],
      [q.localPart, localPartOf(account)],
      [q.maildir, `${domainOf(account)}/${localPartOf(account)}/`],
      [q.active, (m.active ?? true) ? 1 : 0],
      [q.created, sqlTime(now)],
      [q.modified, sqlTime(now)],
      [
        q.passwordExpiry,
        sqlTime(
          mailboxPasswordExpiry({ changedAt: now, expiresAt: m.expiresAt }, domainDays(domainOf(account))),
        ),
      ],
    ];
    const present = columns.filter((c): c is [string, unknown] => c[0] !== null);
    db.prepare(
      `INSERT INTO ${q.table} (${present.map((c) => c[0]).join(', ')}) VALUES (${present.map(() => '?').join(', ')})`,
    ).run(...present.map((c) => c[1]));
    s().upsertState.run({
      account,
      version: 1,
      changedAt: now.getTime(),
      mustChange: m.mustChange ? 1 : 0,
      expiresAt: m.expiresAt ? m.expiresAt.getTime() : null,
    });
    s().trimHistory.run({ account, keep: 0 });
    return { ok: true, version: 1 };
  });

  return {
    async get(account) {
      return read(normalizeAccount(account));
    },
    async setPassword(w) {
      checkHistoryLimit(w.historyLimit);
      return write.immediate(w, normalizeAccount(w.account));
    },
    async createMailbox(m) {
      return create.immediate(m, normalizeAccount(m.account));
    },
    async listByDomain(domain, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = domain.trim().toLowerCase();
      const rows = s().page.all({
        domain: q.domain ? d : `%@${escapeLike(d)}`,
        after: opts.cursor ?? '',
        limit: limit + 1,
      });
      return pageOf(rows, limit);
    },
    async listExpiringBefore(before, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = opts.domain?.trim().toLowerCase() ?? null;
      const common = { before: before.getTime(), after: opts.cursor ?? '', limit: limit + 1 };
      const rows =
        d === null
          ? s().expiring.all(common)
          : s().expiringInDomain.all({ ...common, domain: q.domain ? d : `%@${escapeLike(d)}` });
      return pageOf(rows, limit);
    },
    async listPendingRevocations(now, limit): Promise<readonly PendingRevocation[]> {
      return s().due.all(now.getTime(), limit).map(toPendingRevocation);
    },
    async completeRevocation(id) {
      s().complete.run(id);
    },
    async failRevocation(id, errorCode, nextAttemptAt) {
      s().fail.run(errorCode, nextAttemptAt.getTime(), id);
    },
  };
}
