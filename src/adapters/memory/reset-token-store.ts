/** @module In-memory ResetTokenStore, for tests, demos and single-process tools. */
import type { ResetTokenRecord, ResetTokenStore } from '../../ports/reset-token-store.js';

/**
 * A {@link ResetTokenStore} in memory, plus `rows` to read what is stored (digests only).
 *
 * @example
 * ```ts
 * const resetTokens: MemoryResetTokenStore = memoryResetTokenStore();
 * resetTokens.rows().length; // 0
 * ```
 */
export interface MemoryResetTokenStore extends ResetTokenStore {
  /** Every stored record (live or expired), oldest first. */
  rows(): readonly ResetTokenRecord[];
}

const copy = (record: ResetTokenRecord): ResetTokenRecord =>
  Object.freeze({
    ...record,
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
  });

/**
 * Creates a {@link MemoryResetTokenStore}. Each method runs without an `await` between its read
 * and its write, so `consume` has one winner under concurrency within one process.
 *
 * @example
 * ```ts
 * const deps = { store, hasher, policy, resetTokens: memoryResetTokenStore() };
 * ```
 */
export function memoryResetTokenStore(): MemoryResetTokenStore {
  const byDigest = new Map<string, ResetTokenRecord>();
  const live = (digest: string, now: Date): ResetTokenRecord | null => {
    const record = byDigest.get(digest);
    return record && now.getTime() < record.expiresAt.getTime() ? record : null;
  };
  return {
    async save(token) {
      if (byDigest.has(token.digest)) throw new Error('memoryResetTokenStore: this digest is stored already');
      byDigest.set(token.digest, copy({ ...token, account: token.account.toLowerCase() }));
    },
    async find(digest, now) {
      const record = live(digest, now);
      return record && copy(record);
    },
    async consume(digest, now) {
      const record = live(digest, now);
      if (!record) return null;
      byDigest.delete(digest);
      return copy(record);
    },
    async deleteAll(account) {
      let deleted = 0;
      for (const [digest, record] of byDigest) {
        if (record.account === account.toLowerCase()) {
          byDigest.delete(digest);
          deleted += 1;
        }
      }
      return deleted;
    },
    async purgeExpired(now) {
      let deleted = 0;
      for (const [digest, record] of byDigest) {
        if (record.expiresAt.getTime() <= now.getTime()) {
          byDigest.delete(digest);
          deleted += 1;
        }
      }
      return deleted;
    },
    rows: () => [...byDigest.values()].map(copy),
  };
}
