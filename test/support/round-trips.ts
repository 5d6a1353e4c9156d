/** @module Counts the database round trips (pg and mysql2 queries) made while a function runs. */
import mysql from 'mysql2';
import pg from 'pg';

type Method = (this: unknown, ...args: unknown[]) => unknown;

function countCalls(target: object, key: string, onCall: () => void): () => void {
  const owner = target as Record<string, Method>;
  const original = owner[key];
  const own = Object.hasOwn(owner, key);
  if (original === undefined) throw new Error(`round-trips: no ${key} to count`);
  owner[key] = function counted(this: unknown, ...args: unknown[]) {
    onCall();
    return original.apply(this, args);
  };
  return () => {
    if (own) owner[key] = original;
    else delete owner[key];
  };
}

/**
 * Runs `work` and returns how many statements it sent to PostgreSQL (`pg` client queries, pool
 * queries included) and to MySQL/MariaDB (`mysql2` queries, executes and pings, transaction
 * commands included). Each is one round trip; concurrent ones still count one each.
 */
export async function countRoundTrips(
  work: () => Promise<void>,
): Promise<{ readonly postgres: number; readonly mysql: number }> {
  const counts = { postgres: 0, mysql: 0 };
  const restore = [
    countCalls(pg.Client.prototype, 'query', () => {
      counts.postgres += 1;
    }),
    ...['query', 'execute', 'ping'].map((key) =>
      countCalls(mysql.Connection.prototype, key, () => {
        counts.mysql += 1;
      }),
    ),
  ];
  try {
    await work();
  } finally {
    for (const undo of restore) undo();
  }
  return counts;
}
