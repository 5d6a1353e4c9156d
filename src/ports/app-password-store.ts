/** @module Port: a mailbox's app passwords (one per device), stored hashed next to the main password. */

/**
 * One app password as listed to its owner: never its hash, never the password.
 *
 * @example
 * ```ts
 * const entry: AppPasswordRecord = { id: '3', account: 'alice@example.org', name: 'Phone', createdAt: new Date() };
 * ```
 */
export interface AppPasswordRecord {
  /** The store's id of the row (Postfixadmin's `id`), as a string. */
  readonly id: string;
  /** Full address, lower-case (Postfixadmin's `username`). */
  readonly account: string;
  /** The device name its owner gave it (Postfixadmin's `description`). */
  readonly name: string;
  /** When it was created, or `null` when the table has no such column (Postfixadmin's own). */
  readonly createdAt: Date | null;
}

/**
 * An app password to store.
 *
 * @example
 * ```ts
 * const entry: NewAppPassword = {
 *   account: 'alice@example.org', name: 'Phone', passwordHash: hash, createdAt: new Date(), limit: 5,
 * };
 * await store.create(entry);
 * ```
 */
export interface NewAppPassword {
  readonly account: string;
  readonly name: string;
  /** The hash in the mail server's format, e.g. `{SHA512-CRYPT}$6$…`. */
  readonly passwordHash: string;
  readonly createdAt: Date;
  /** Refuse (`limit_reached`) when the account already has this many. */
  readonly limit: number;
}

/**
 * Outcome of {@link AppPasswordStore.create}.
 *
 * @example
 * ```ts
 * const result: AppPasswordCreateResult = await store.create(entry);
 * if (!result.ok) console.log(result.code); // 'limit_reached'
 * ```
 */
export type AppPasswordCreateResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly code: 'limit_reached' };

/**
 * Stores app passwords. Adapters: memory, SQLite, PostgreSQL, MySQL/MariaDB (Postfixadmin 4's
 * `mailbox_app_password` table).
 *
 * Guarantees: `create` counts and inserts atomically, so racing creates never leave an account with
 * more than `limit` app passwords; `revoke` matches the id *and* the account (an owner cannot
 * revoke another account's entry); accounts are compared lower-cased; `list` is ordered by id.
 * Methods reject only on infrastructure failure.
 *
 * @example
 * ```ts
 * const created = await store.create({ account, name: 'Laptop', passwordHash, createdAt: new Date(), limit: 5 });
 * if (created.ok) await store.revoke(account, created.id);
 * ```
 */
export interface AppPasswordStore {
  /** Stores a new app password unless the account already has `limit` of them. */
  create(entry: NewAppPassword): Promise<AppPasswordCreateResult>;
  /** The account's app passwords, by id. */
  list(account: string): Promise<readonly AppPasswordRecord[]>;
  /** Deletes one; `true` when it existed for that account. */
  revoke(account: string, id: string): Promise<boolean>;
  /** Deletes all of the account's app passwords; resolves to how many were deleted. */
  revokeAll(account: string): Promise<number>;
}
