/** @module AuditSink over MySQL/MariaDB: one row per event in `passrotate_audit`. */
import type { AuditSink } from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { MysqlOptions } from './options.js';

/**
 * An `AuditSink` appending to the `passrotate_audit` table (details as JSON). Events carry no
 * secret by the port's contract. Run `migrateMysql` first.
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
  return {
    async record(event) {
      await pool.query(
        `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details) VALUES (?, ?, ?, ?, ?, ?)`,
        [
          event.type,
          event.account,
          event.actor,
          event.at.getTime(),
          event.outcome,
          event.details === undefined ? null : JSON.stringify(event.details),
        ],
      );
    },
  };
}
