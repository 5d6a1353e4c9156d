/** @module In-memory CredentialStore: the reference implementation of the port, for tests and demos. */
import { type Clock, systemClock } from '../../ports/clock.js';
import type {
  CredentialStore,
  MailboxPage,
  MailboxRecord,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
} from '../../ports/credential-store.js';
import { splitAccount } from './account.js';

/**
 * Options of {@link memoryCredentialStore}.
 *
 * @example
 * ```ts
 * const options: MemoryCredentialStoreOptions = {
 *   mailboxes: [{ account: 'alice@example.org', passwordHash: '{PLAIN}x' }],
 *   clock: manualClock(new Date('2026-01-01T00:00:00Z')),
 * };
 * const store = memoryCredentialStore(options);
 * ```
 */
export interface MemoryCredentialStoreOptions {
  /** Mailboxes to start with (created at version 1). */
  readonly mailboxes?: readonly NewMailbox[];
  /** Time source for `createMailbox` without `changedAt`; defaults to the wall clock. */
  readonly clock?: Clock;
}

/**
 * The in-memory store, with a read-only view of its outbox for tests.
 *
 * @example
 * ```ts
 * const store: MemoryCredentialStore = memoryCredentialStore();
 * store.allPendingRevocations(); // [] until a password write queues revocations
 * ```
 */
export interface MemoryCredentialStore extends CredentialStore {
  /** Every outbox row, due or not, by `nextAttemptAt` then `id`. */
  allPendingRevocations(): readonly PendingRevocation[];
}

const byDueThenId = (a: PendingRevocation, b: PendingRevocation): number =>
  a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Creates an in-memory {@link CredentialStore}. Every write happens synchronously inside one call,
 * so compare-and-set is atomic within a JavaScript realm. Records are frozen copies.
 *
 * @example
 * ```ts
 * const store = memoryCredentialStore({ mailboxes: [{ account: 'alice@example.org', passwordHash: stored }] });
 * const rec = await store.get('Alice@Example.org'); // rec.version === 1
 * ```
 */
export function memoryCredentialStore(options: MemoryCredentialStoreOptions = {}): MemoryCredentialStore {
  const clock = options.clock ?? systemClock;
  const mailboxes = new Map<string, MailboxRecord>();
  const outbox = new Map<string, PendingRevocation>();

  const create = (mailbox: NewMailbox): PasswordWriteResult => {
    const { account, domain } = splitAccount(mailbox.account);
    if (mailboxes.has(account)) return { ok: false, code: 'conflict' };
    mailboxes.set(
      account,
      Object.freeze({
        account,
        domain,
        displayName: mailbox.displayName ?? null,
        passwordHash: mailbox.passwordHash,
        version: 1,
        changedAt: new Date(mailbox.changedAt ?? clock.now()),
        mustChange: mailbox.mustChange ?? false,
        expiresAt: mailbox.expiresAt ? new Date(mailbox.expiresAt) : null,
        active: mailbox.active ?? true,
        previousHashes: Object.freeze([]),
      }),
    );
    return { ok: true, version: 1 };
  };
  for (const mailbox of options.mailboxes ?? []) create(mailbox);

  const copy = (record: MailboxRecord): MailboxRecord =>
    Object.freeze({
      ...record,
      changedAt: new Date(record.changedAt),
      expiresAt: record.expiresAt ? new Date(record.expiresAt) : null,
    });
  const copyRow = (row: PendingRevocation): PendingRevocation =>
    Object.freeze({ ...row, createdAt: new Date(row.createdAt), nextAttemptAt: new Date(row.nextAttemptAt) });

  return {
    async get(account) {
      const record = mailboxes.get(account.toLowerCase());
      return record ? copy(record) : null;
    },

    async setPassword(write: PasswordWrite) {
      const account = write.account.toLowerCase();
      const current = mailboxes.get(account);
      if (!current) return { ok: false, code: 'not_found' };
      if (current.version !== write.expectedVersion) return { ok: false, code: 'conflict' };
      const pushed =
        write.keepHistory === true || write.passwordHash === current.passwordHash
          ? current.previousHashes
          : [current.passwordHash, ...current.previousHashes];
      const version = current.version + 1;
      mailboxes.set(
        account,
        Object.freeze({
          ...current,
          passwordHash: write.passwordHash,
          version,
          changedAt: new Date(write.changedAt),
          mustChange: write.mustChange,
          expiresAt: write.expiresAt ? new Date(write.expiresAt) : null,
          previousHashes: Object.freeze(pushed.slice(0, Math.max(0, write.historyLimit))),
        }),
      );
      for (const row of write.pendingRevocations) outbox.set(row.id, copyRow(row));
      return { ok: true, version };
    },

    async createMailbox(mailbox) {
      return create(mailbox);
    },

    async listByDomain(domain, { cursor = null, limit = 100 } = {}): Promise<MailboxPage> {
      const wanted = domain.toLowerCase();
      const all = [...mailboxes.values()]
        .filter((m) => m.domain === wanted && (cursor === null || m.account > cursor))
        .sort((a, b) => (a.account < b.account ? -1 : 1));
      const page = all.slice(0, limit).map(copy);
      const last = page.at(-1);
      return { mailboxes: page, nextCursor: all.length > limit && last ? last.account : null };
    },

    async listExpiringBefore(
      before,
      { domain = null, cursor = null, limit = 100 } = {},
    ): Promise<MailboxPage> {
      const wanted = domain?.toLowerCase() ?? null;
      const all = [...mailboxes.values()]
        .filter(
          (m) =>
            m.expiresAt !== null &&
            m.expiresAt.getTime() < before.getTime() &&
            (wanted === null || m.domain === wanted) &&
            (cursor === null || m.account > cursor),
        )
        .sort((a, b) => (a.account < b.account ? -1 : 1));
      const page = all.slice(0, limit).map(copy);
      const last = page.at(-1);
      return { mailboxes: page, nextCursor: all.length > limit && last ? last.account : null };
    },

    async listPendingRevocations(now, limit) {
      return [...outbox.values()]
        .filter((row) => row.nextAttemptAt.getTime() <= now.getTime())
        .sort(byDueThenId)
        .slice(0, limit)
        .map(copyRow);
    },

    async completeRevocation(id) {
      outbox.delete(id);
    },

    async failRevocation(id, errorCode, nextAttemptAt) {
      const row = outbox.get(id);
      if (!row) return;
      outbox.set(
        id,
        copyRow({
          ...row,
          attempts: row.attempts + 1,
          lastError: errorCode,
          nextAttemptAt: new Date(nextAttemptAt),
        }),
      );
    },

    allPendingRevocations() {
      return [...outbox.values()].sort(byDueThenId).map(copyRow);
    },
  };
}
