/** @module Outbox rows as LDAP attribute values: one JSON object per row, opening with its id. */
import type { PendingRevocation } from '../../ports/index.js';
import { escapeFilterValue } from './ldap-text.js';

/**
 * One outbox row as a value; `id` comes first, so {@link outboxIdFilter} finds it by prefix.
 *
 * @example
 * ```ts
 * encodeOutboxRow(row); // '{"id":"r1","account":"alice@example.org",…}'
 * ```
 */
export function encodeOutboxRow(row: PendingRevocation, account: string): string {
  return JSON.stringify({
    id: row.id,
    account,
    revoker: row.revoker,
    keepSessionDigest: row.keepSessionDigest,
    createdAt: row.createdAt.toISOString(),
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
  });
}

/** Reads a value written by {@link encodeOutboxRow}; `null` for anything else (left alone). */
export function decodeOutboxRow(value: string): PendingRevocation | null {
  try {
    const o = JSON.parse(value) as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.account !== 'string' || typeof o.revoker !== 'string')
      return null;
    return {
      id: o.id,
      account: o.account,
      revoker: o.revoker,
      keepSessionDigest: typeof o.keepSessionDigest === 'string' ? o.keepSessionDigest : null,
      createdAt: new Date(String(o.createdAt)),
      attempts: Number(o.attempts),
      nextAttemptAt: new Date(String(o.nextAttemptAt)),
      lastError: typeof o.lastError === 'string' ? o.lastError : null,
    };
  } catch {
    return null;
  }
}

/** A filter matching the entries holding the outbox row `id` (a prefix match on the value). */
export function outboxIdFilter(attribute: string, id: string): string {
  const prefix = JSON.stringify({ id }).slice(0, -1);
  return `(${attribute}=${escapeFilterValue(`${prefix},`)}*)`;
}
