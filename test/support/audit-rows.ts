/** @module Reads the `passrotate_audit` table back as audit events, for the in-write audit tests. */
import type { Database } from 'better-sqlite3';
import type { Pool as MysqlPool, RowDataPacket } from 'mysql2/promise';
import type { Pool as PgPool } from 'pg';
import type { AuditEvent, AuditEventType } from '../../src/index.js';

interface AuditRow {
  type: string;
  account: string;
  actor: string;
  at: number | string;
  outcome: string;
  details: string | null;
}

const SELECT = 'SELECT type, account, actor, at, outcome, details FROM passrotate_audit WHERE account = ';

function toEvent(row: AuditRow): AuditEvent {
  return {
    type: row.type as AuditEventType,
    account: row.account,
    actor: row.actor,
    at: new Date(Number(row.at)),
    outcome: row.outcome,
    ...(row.details === null ? {} : { details: JSON.parse(row.details) }),
  };
}

/** The audit events of `account` in a SQLite database, in the order they were recorded. */
export async function sqliteAuditEvents(db: Database, account: string): Promise<AuditEvent[]> {
  return (db.prepare(`${SELECT}? ORDER BY id`).all(account) as AuditRow[]).map(toEvent);
}

/** The audit events of `account` in a PostgreSQL database, in the order they were recorded. */
export async function postgresAuditEvents(pool: PgPool, account: string): Promise<AuditEvent[]> {
  return (await pool.query<AuditRow>(`${SELECT}$1 ORDER BY id`, [account])).rows.map(toEvent);
}

/** The audit events of `account` in a MySQL/MariaDB database, in the order they were recorded. */
export async function mysqlAuditEvents(pool: MysqlPool, account: string): Promise<AuditEvent[]> {
  const [rows] = await pool.query<RowDataPacket[]>(`${SELECT}? ORDER BY id`, [account]);
  return (rows as AuditRow[]).map(toEvent);
}
