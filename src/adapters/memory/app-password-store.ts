/** @module In-memory AppPasswordStore, for tests, demos and single-process tools. */
import type { AppPasswordRecord, AppPasswordStore } from '../../ports/app-password-store.js';

/**
 * An {@link AppPasswordStore} in memory, plus `hashesOf` to read the stored hashes (what a mail
 * server would read).
 *
 * @example
 * ```ts
 * const store = memoryAppPasswordStore();
 * await store.create({ account: 'alice@example.org', name: 'Phone', passwordHash: hash, createdAt: new Date(), limit: 5 });
 * store.hashesOf('alice@example.org'); // [hash]
 * ```
 */
export interface MemoryAppPasswordStore extends AppPasswordStore {
  /** The stored hashes of `account`, by id. */
  hashesOf(account: string): string[];
}

/**
 * Creates a {@link MemoryAppPasswordStore}. Each method runs without an `await` between its check
 * and its write, so the limit holds under concurrency within one process.
 *
 * @example
 * ```ts
 * const appPasswords = memoryAppPasswordStore();
 * const deps = { store, hasher, policy, appPasswords };
 * ```
 */
export function memoryAppPasswordStore(): MemoryAppPasswordStore {
  const rows: { id: number; record: AppPasswordRecord; hash: string }[] = [];
  let nextId = 1;
  const of = (account: string) => rows.filter((r) => r.record.account === account.toLowerCase());
  return {
    async create(entry) {
      const account = entry.account.toLowerCase();
      if (of(account).length >= entry.limit) return { ok: false, code: 'limit_reached' };
      const id = nextId;
      nextId += 1;
      const record = Object.freeze({
        id: String(id),
        account,
        name: entry.name,
        createdAt: new Date(entry.createdAt),
      });
      rows.push({ id, record, hash: entry.passwordHash });
      return { ok: true, id: record.id };
    },
    async list(account) {
      return of(account).map((r) => ({
        ...r.record,
        createdAt: r.record.createdAt && new Date(r.record.createdAt),
      }));
    },
    async revoke(account, id) {
      const index = rows.findIndex((r) => r.record.account === account.toLowerCase() && r.record.id === id);
      if (index < 0) return false;
      rows.splice(index, 1);
      return true;
    },
    async revokeAll(account) {
      const before = rows.length;
      for (let i = rows.length - 1; i >= 0; i -= 1) {
        if (rows[i]?.record.account === account.toLowerCase()) rows.splice(i, 1);
      }
      return before - rows.length;
    },
    hashesOf(account) {
      return of(account).map((r) => r.hash);
    },
  };
}
