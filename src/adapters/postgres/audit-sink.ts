/** @module AuditSink over PostgreSQL: one row per event in `passrotate_audit`. */
import type { AuditEvent, AuditSink } from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

/**
 * An `AuditSink` appending to the `passrotate_audit` table (details as JSON; `recordAll` writes its
 * events with one INSERT). Events carry no secret by the port's contract. Run `migratePostgres` first.
 *
 * @example
 * ```ts
 * const audit = postgresAuditSink({ pool });
 * await audit.record({ type: 'sessions_revoked', account: 'alice@example.org', actor: 'system',
 *   at: new Date(), outcome: 'ok' });
 * ```
 */
export function postgresAuditSink(options: PostgresOptions): AuditSink {
  const { q } = resolveSchema(options.schema);
  const { pool } = options;
  const values = (event: AuditEvent): unknown[] => [
    event.type,
    event.account,
    event.actor,
    event.at.getTime(),
    event.outcome,
    event.details === undefined ? null : JSON.stringify(event.details),
  ];
  /** One INSERT of `count` rows (`$1`…`$6`, `$7`…`$12`, …). */
  const insert = (count: number): string =>
    `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details) VALUES ${Array.from(
      { length: count },
      (_, i) => `(${Array.from({ length: 6 }, (_, j) => `$${i * 6 + j + 1}`).join(', ')})`,
    ).join(', ')}`;
  return {
    async record(event) {
      await pool.query(insert(1), values(event));
    },
    async recordAll(events) {
      if (events.length > 0) await pool.query(insert(events.length), events.flatMap(values));
    },
  };
}
