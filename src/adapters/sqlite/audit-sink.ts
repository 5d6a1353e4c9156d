/** @module AuditSink over SQLite: one row per event in `passrotate_audit`. */
import type { AuditSink } from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { SqliteOptions } from './options.js';

/**
 * An `AuditSink` appending to the `passrotate_audit` table (details as JSON). Events carry no
 * secret by the port's contract. Run `migrateSqlite` first.
 *
 * @example
 * ```ts
 * const audit = sqliteAuditSink({ db });
 * await audit.record({ type: 'password_changed', account: 'alice@example.org', actor: 'alice@example.org',
 *   at: new Date(), outcome: 'ok' });
 * ```
 */
export function sqliteAuditSink(options: SqliteOptions): AuditSink {
  const { q } = resolveSchema(options.schema);
  const { db } = options;
  return {
    async record(event) {
      db.prepare(
        `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        event.type,
        event.account,
        event.actor,
        event.at.getTime(),
        event.outcome,
        event.details === undefined ? null : JSON.stringify(event.details),
      );
    },
  };
}
