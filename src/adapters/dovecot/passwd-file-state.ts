/** @module The passwd-file store's sidecar: versions, flags, history and the revocation outbox as JSON. */
import { readFile } from 'node:fs/promises';
import type { PendingRevocation } from '../../ports/index.js';
import { replaceFile } from './atomic-write.js';

/**
 * What passrotate keeps about one account beside the passwd-file.
 *
 * @example
 * ```ts
 * const account: AccountState = { version: 3, changedAt: Date.now(), mustChange: false, expiresAt: null, history: [] };
 * ```
 */
export interface AccountState {
  readonly version: number;
  readonly changedAt: number;
  readonly mustChange: boolean;
  readonly expiresAt: number | null;
  /** Previous hashes, newest first. */
  readonly history: readonly string[];
}

/**
 * One outbox row, dates as epoch milliseconds.
 *
 * @example
 * ```ts
 * const row: StoredRevocation = storeRevocation(pendingRevocation);
 * row.nextAttemptAt; // epoch milliseconds
 * ```
 */
export interface StoredRevocation {
  readonly id: string;
  readonly account: string;
  readonly revoker: string;
  readonly keepSessionDigest: string | null;
  readonly createdAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
}

/**
 * The whole sidecar file.
 *
 * @example
 * ```ts
 * const state: StateFile = await readState('/etc/dovecot/users.passrotate.json');
 * Object.keys(state.accounts); // ['alice@example.org', …]
 * ```
 */
export interface StateFile {
  readonly format: 1;
  readonly accounts: Readonly<Record<string, AccountState>>;
  readonly outbox: readonly StoredRevocation[];
}

/**
 * Reads the sidecar; a missing file is an empty state.
 *
 * @example
 * ```ts
 * const state = await readState('/etc/dovecot/users.passrotate.json');
 * ```
 */
export async function readState(path: string): Promise<StateFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: 1, accounts: {}, outbox: [] };
    throw error;
  }
  const parsed = JSON.parse(text) as StateFile;
  if (parsed.format !== 1) throw new TypeError(`passwd-file state ${path} has an unknown format`);
  return parsed;
}

/**
 * Replaces the sidecar atomically, readable by its owner only (it holds previous hashes).
 *
 * @example
 * ```ts
 * await writeState(path, { format: 1, accounts: {}, outbox: [] });
 * ```
 */
export async function writeState(path: string, state: StateFile): Promise<void> {
  await replaceFile(path, `${JSON.stringify(state)}\n`, { mode: 0o600 });
}

/**
 * Converts an outbox row for storage.
 *
 * @example
 * ```ts
 * const stored = storeRevocation(pending);
 * ```
 */
export function storeRevocation(p: PendingRevocation): StoredRevocation {
  return {
    id: p.id,
    account: p.account.toLowerCase(),
    revoker: p.revoker,
    keepSessionDigest: p.keepSessionDigest,
    createdAt: p.createdAt.getTime(),
    attempts: p.attempts,
    nextAttemptAt: p.nextAttemptAt.getTime(),
    lastError: p.lastError,
  };
}

/**
 * Converts a stored outbox row back to the port's shape.
 *
 * @example
 * ```ts
 * state.outbox.map(loadRevocation);
 * ```
 */
export function loadRevocation(r: StoredRevocation): PendingRevocation {
  return {
    id: r.id,
    account: r.account,
    revoker: r.revoker,
    keepSessionDigest: r.keepSessionDigest,
    createdAt: new Date(r.createdAt),
    attempts: r.attempts,
    nextAttemptAt: new Date(r.nextAttemptAt),
    lastError: r.lastError,
  };
}
