/** @module AuditSink over PostgreSQL: one row per event in `passrotate_audit`. */
import type { AuditSink } from '../../ports/index.js';
import { resolveSchema } from '../sql/mailbox-schema.js';
import type { PostgresOptions } from './options.js';

/**
 * An `AuditSink` appending to the `passrotate_audit` table (details as JSON). Events carry no
 * secret by the port's contract. Run `migratePostgres` first.
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
  return {
    async record(event) {
      await pool.query(
        `INSERT INTO ${q.audit} (type, account, actor, at, outcome, details) VALUES ($1, $2, $3, $4, $5, $6)`,
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
