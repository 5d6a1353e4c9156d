/** @module Port: the outstanding password-reset tokens, stored only as digests, each usable once. */

/**
 * One outstanding reset token as stored: its digest, never the token.
 *
 * @example
 * ```ts
 * const token: ResetTokenRecord = {
 *   digest: await resetTokenDigest(token), account: 'alice@example.org', version: 3,
 *   createdAt: now, expiresAt: new Date(now.getTime() + 30 * 60_000),
 * };
 * await resetTokens.save(token);
 * ```
 */
export interface ResetTokenRecord {
  /** SHA-256 of the token, 64 lower-case hex characters (see `resetTokenDigest`). */
  readonly digest: string;
  /** Full address, lower-case. */
  readonly account: string;
  /** The mailbox's `version` when the token was issued: a password write since makes it stale. */
  readonly version: number;
  readonly createdAt: Date;
  /** The token is live while `now < expiresAt`. */
  readonly expiresAt: Date;
}

/**
 * Stores password-reset tokens. Adapters: memory, SQLite, PostgreSQL, MySQL/MariaDB.
 *
 * Guarantees (checked by `testResetTokenStore` in `passrotate/testing`, with racing callers):
 * - only digests are stored: the store never sees a token;
 * - `consume` deletes and returns a live token in one atomic step: under concurrent invocation
 *   with the same digest exactly one caller receives the record, the others `null`;
 * - a token is live while `now < expiresAt`: `find` and `consume` answer `null` for an expired or
 *   unknown digest (and `consume` leaves an expired row for `purgeExpired`);
 * - `find` reads without consuming; accounts are compared lower-cased; dates round-trip to the
 *   millisecond; methods reject only on infrastructure failure.
 *
 * @example
 * ```ts
 * const won = await resetTokens.consume(await resetTokenDigest(token), new Date());
 * if (won) await resetTokens.deleteAll(won.account);
 * ```
 */
export interface ResetTokenStore {
  /** Stores a new token (a digest that exists already is a programmer error and rejects). */
  save(token: ResetTokenRecord): Promise<void>;
  /** The live token with this digest, without consuming it, or `null`. */
  find(digest: string, now: Date): Promise<ResetTokenRecord | null>;
  /** Deletes and returns the live token with this digest; `null` when unknown, expired or already used. */
  consume(digest: string, now: Date): Promise<ResetTokenRecord | null>;
  /** Deletes every token of `account` (after a completed reset); resolves to how many. */
  deleteAll(account: string): Promise<number>;
  /** Deletes every token expired at `now` (`expiresAt <= now`); resolves to how many. */
  purgeExpired(now: Date): Promise<number>;
}
