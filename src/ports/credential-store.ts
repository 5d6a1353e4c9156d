/** @module Port: where a mailbox's password hash, its history and the revocation outbox live. */
import type { AuditEvent } from './audit-sink.js';

/**
 * One mailbox as the rotation flows see it. Accounts are full addresses, compared lower-cased.
 *
 * @example
 * ```ts
 * const record: MailboxRecord | null = await store.get('alice@example.org');
 * if (record?.mustChange) console.log(`${record.account} must choose a new password`);
 * ```
 */
export interface MailboxRecord {
  /** Full address, lower-case: `alice@example.org`. */
  readonly account: string;
  /** Domain part, lower-case: `example.org`. */
  readonly domain: string;
  /** The owner's display name, if the store has one (used by the policy's account check). */
  readonly displayName: string | null;
  /** The stored hash exactly as the mail server reads it, e.g. `{ARGON2ID}$argon2id$v=19$…`. */
  readonly passwordHash: string;
  /** Compare-and-set token: starts at 1 and grows by one with every successful password write. */
  readonly version: number;
  /** When the password was last set. */
  readonly changedAt: Date;
  /** The owner must choose a new password at next login (set by an admin or an expiry). */
  readonly mustChange: boolean;
  /** When the current password stops being accepted, or `null` for never. */
  readonly expiresAt: Date | null;
  /** A disabled mailbox cannot log in. */
  readonly active: boolean;
  /** Previous password hashes, newest first, at most the history limit of the last write. */
  readonly previousHashes: readonly string[];
}

/**
 * A mailbox to create (CLI `set --create`, demo seeding).
 *
 * @example
 * ```ts
 * const mailbox: NewMailbox = { account: 'bob@example.org', passwordHash: hash, mustChange: true };
 * await store.createMailbox(mailbox);
 * ```
 */
export interface NewMailbox {
  readonly account: string;
  readonly displayName?: string | null;
  readonly passwordHash: string;
  readonly mustChange?: boolean;
  readonly expiresAt?: Date | null;
  readonly active?: boolean;
  /** When the password was set; defaults to the store's current time. */
  readonly changedAt?: Date;
}

/**
 * A revocation that must happen after a committed password change: one row of the outbox.
 *
 * @example
 * ```ts
 * const now = new Date();
 * const row: PendingRevocation = {
 *   id: crypto.randomUUID(),
 *   account: 'alice@example.org',
 *   revoker: 'web-sessions',
 *   keepSessionDigest: null,
 *   createdAt: now,
 *   attempts: 0,
 *   nextAttemptAt: now,
 *   lastError: null,
 * };
 * ```
 */
export interface PendingRevocation {
  /** Unique id, assigned by the caller (random), so retries are idempotent. */
  readonly id: string;
  readonly account: string;
  /** `SessionRevoker.name` of the revoker that still has to run. */
  readonly revoker: string;
  /**
   * SHA-256 digest (`sessionIdDigest`) of the web session to keep (the "log out others" choice),
   * or `null` to revoke every session. The outbox never holds a session id itself.
   */
  readonly keepSessionDigest: string | null;
  readonly createdAt: Date;
  /** Attempts made so far (0 when first written). */
  readonly attempts: number;
  /** Do not retry before this instant. */
  readonly nextAttemptAt: Date;
  /** Error code of the last failed attempt (never a message that could hold a secret). */
  readonly lastError: string | null;
}

/**
 * A password write, applied only if the stored version still equals `expectedVersion`.
 *
 * @example
 * ```ts
 * const write: PasswordWrite = {
 *   account: record.account,
 *   expectedVersion: record.version,
 *   passwordHash: newHash,
 *   changedAt: new Date(),
 *   mustChange: false,
 *   expiresAt: null,
 *   historyLimit: 5,
 *   pendingRevocations: [],
 * };
 * const result = await store.setPassword(write);
 * ```
 */
export interface PasswordWrite {
  readonly account: string;
  readonly expectedVersion: number;
  readonly passwordHash: string;
  readonly changedAt: Date;
  readonly mustChange: boolean;
  readonly expiresAt: Date | null;
  /**
   * Push the old hash onto the history (newest first) and keep at most this many (0 keeps none).
   * Nothing is pushed when `keepHistory` is `true` or `passwordHash` equals the stored hash, but the
   * history is still trimmed to the limit.
   */
  readonly historyLimit: number;
  /**
   * `true` for a write that does not change the password itself: a rehash of the same password
   * on login (upgrade to the target scheme) or a flags-only write such as an expiry. Default `false`.
   */
  readonly keepHistory?: boolean;
  /** Outbox rows to insert in the same atomic write as the new hash. */
  readonly pendingRevocations: readonly PendingRevocation[];
  /**
   * The audit events of this write's success, for a store that keeps the audit trail in its own
   * database and was configured to record them in the write (e.g. `auditInWrite: true`): it inserts
   * them in the same transaction, in order, and answers `auditRecorded: true`; a refused write
   * records none. Any other store ignores them and the flows give them to their audit sink.
   */
  readonly auditEvents?: readonly WriteAuditEvent[];
}

/**
 * An audit event carried by a {@link PasswordWrite}: recorded with the write, or — with
 * `onlyIfApplied` — only when the store carried out that outbox row inside the write.
 *
 * @example
 * ```ts
 * const event: WriteAuditEvent = {
 *   type: 'sessions_revoked', account: 'alice@example.org', actor: 'alice@example.org',
 *   at: new Date(), outcome: 'ok', details: { revoker: 'web-sessions', attempts: 1, inWrite: true },
 *   onlyIfApplied: row.id,
 * };
 * ```
 */
export interface WriteAuditEvent extends AuditEvent {
  /** The id of an outbox row: record the event only if the row is in `appliedRevocations`. */
  readonly onlyIfApplied?: string;
}

/**
 * Outcome of a compare-and-set write.
 *
 * @example
 * ```ts
 * const result: PasswordWriteResult = await store.setPassword(write);
 * if (!result.ok && result.code === 'conflict') console.log('changed concurrently, reload and retry');
 * ```
 */
export type PasswordWriteResult =
  | {
      readonly ok: true;
      readonly version: number;
      /**
       * Ids of the `pendingRevocations` the store carried out inside the write itself (e.g. the
       * web sessions of a session store in the same database, ended in the same transaction) and
       * therefore did not insert into the outbox. Absent or empty: every row was inserted.
       */
      readonly appliedRevocations?: readonly string[];
      /**
       * `true` when the store recorded the write's `auditEvents` in the same transaction (those
       * whose `onlyIfApplied` row was not applied left out): the flows must not record them again.
       */
      readonly auditRecorded?: boolean;
    }
  | { readonly ok: false; readonly code: 'conflict' | 'not_found' };

/**
 * One page of a listing.
 *
 * @example
 * ```ts
 * let cursor: string | null = null;
 * do {
 *   const page: MailboxPage = await store.listByDomain('example.org', { cursor, limit: 100 });
 *   for (const mailbox of page.mailboxes) console.log(mailbox.account);
 *   cursor = page.nextCursor;
 * } while (cursor !== null);
 * ```
 */
export interface MailboxPage {
  readonly mailboxes: readonly MailboxRecord[];
  /** Pass back as `cursor` for the next page; `null` when this was the last. */
  readonly nextCursor: string | null;
}

/**
 * Which expiring mailboxes to list: see {@link CredentialStore.listExpiringBefore}.
 *
 * @example
 * ```ts
 * const options: ExpiringListOptions = { domain: 'example.org', cursor: null, limit: 100 };
 * ```
 */
export interface ExpiringListOptions {
  /** Only this domain (case-insensitive); default every domain. */
  readonly domain?: string | null;
  /** The previous page's `nextCursor`. */
  readonly cursor?: string | null;
  /** Page size; default 100. */
  readonly limit?: number;
}

/**
 * Stores mailbox credentials. Adapters: memory, SQLite, PostgreSQL, Dovecot passwd-file.
 *
 * Guarantees (checked by `testCredentialStore` in `passrotate/testing`):
 * - `setPassword` is atomic and compare-and-set: under concurrent invocation with the same
 *   `expectedVersion`, exactly one caller receives `{ ok: true }`; the others get `conflict`.
 *   The new hash, the history push, the version bump and the outbox rows are written all together
 *   or not at all, so a failed write leaves the old password working.
 * - A write that ends in `conflict` or `not_found` changes nothing and inserts no outbox row.
 * - A store may carry out some outbox rows inside the write (same transaction) instead of inserting
 *   them; it lists their ids in `appliedRevocations`, and the flows then neither run their revoker
 *   nor complete them.
 * - A store may record the write's `auditEvents` in the same transaction (answering
 *   `auditRecorded: true`): all of them or none, never for a refused write.
 * - Accounts and domains are matched case-insensitively (stored lower-case).
 * - `listByDomain` pages in ascending account order; the cursor is opaque; `limit` defaults to 100.
 * - `listExpiringBefore`, when implemented, agrees with `get`: it lists exactly the mailboxes whose
 *   `expiresAt` is before the instant, in ascending account order.
 * - `listPendingRevocations` returns rows with `nextAttemptAt <= now`, ordered by `nextAttemptAt`
 *   then `id`; `completeRevocation` and `failRevocation` on an unknown id do nothing.
 * - Dates round-trip with at least millisecond precision.
 * - Methods reject (throw) only on infrastructure failure; expected outcomes are results.
 *
 * @example
 * ```ts
 * const rec = await store.get('alice@example.org');
 * if (rec) await store.setPassword({ account: rec.account, expectedVersion: rec.version,
 *   passwordHash: newHash, changedAt: new Date(), mustChange: false, expiresAt: null,
 *   historyLimit: 5, pendingRevocations: [] });
 * ```
 */
export interface CredentialStore {
  /** The mailbox, or `null` when there is none. */
  get(account: string): Promise<MailboxRecord | null>;
  /** Compare-and-set password write (see the interface's guarantees). */
  setPassword(write: PasswordWrite): Promise<PasswordWriteResult>;
  /** Creates a mailbox at version 1; `{ ok: false, code: 'conflict' }` when it already exists. */
  createMailbox(mailbox: NewMailbox): Promise<PasswordWriteResult>;
  /** Mailboxes of `domain`, ordered by account, paged. */
  listByDomain(domain: string, options?: { cursor?: string | null; limit?: number }): Promise<MailboxPage>;
  /**
   * Optional: mailboxes whose `expiresAt` is set and strictly before `before` (active or not,
   * must-change or not), by account, paged like `listByDomain`. Used by the expiry flows
   * (`sendExpiryReminders`, `expireDuePasswords`); a store without it cannot run them.
   */
  listExpiringBefore?(before: Date, options?: ExpiringListOptions): Promise<MailboxPage>;
  /** Outbox rows whose `nextAttemptAt` is at or before `now`, by `nextAttemptAt` then `id`, at most `limit`. */
  listPendingRevocations(now: Date, limit: number): Promise<readonly PendingRevocation[]>;
  /** Removes a done outbox row (idempotent). */
  completeRevocation(id: string): Promise<void>;
  /** Records a failed attempt: bumps `attempts`, sets `lastError` and `nextAttemptAt`. */
  failRevocation(id: string, errorCode: string, nextAttemptAt: Date): Promise<void>;
}
