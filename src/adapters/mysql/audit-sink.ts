/** @module AuditSink over MySQL/MariaDB: one row per event in `passrotate_audit`. */
import type { AuditEvent, AuditSink } from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';

/**
 * An `AuditSink` appending to the `passrotate_audit` table (details as JSON; `recordAll` writes its
 * events with one INSERT). Events carry no secret by the port's contract. Run `migrateMysql` first.
 *
 * @example
 * ```ts
 * const audit = mysqlAuditSink({ pool });
 * await audit.record({ type: 'sessions_revoked', account: 'alice@example.org', actor: 'system',
 *   at: new Date(), outcome: 'ok' });
 * ```
 */
export function mysqlAuditSink(options: MysqlOptions): AuditSink {
  const { q } = resolveSchema(options.schema, 'mysql');
  const { pool } = options;
  const values = (event: AuditEvent): unknown[] => [
    event.type,
    event.account,
    event.actor,
    event.at.getTime(),
    event.outcome,
    event.details === undefined ? null : JSON.stringify(event.details),
  ];
  const insert = `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details) VALUES ?`;
  return {
    async record(event) {
      await pool.query(insert, [[values(event)]]);
    },
    async recordAll(events) {
      if (events.length > 0) await pool.query(insert, [events.map(values)]);
    },
  };
}
