/** @module Port: how rotation hashes and verifies passwords without knowing the scheme. */

/**
 * Hashes and verifies passwords for the rotation flows. `createHasher` from `passrotate/hash`
 * returns an object that implements it; the flows take it as a port so the root entry stays free
 * of Node-only code.
 *
 * Guarantees expected of an implementation: `verify` compares in constant time, returns `false` for
 * a wrong password and throws a `PassrotateError` (with a `code`) for a malformed or unknown stored
 * hash, never `true`; no method puts the password in an error or a log.
 *
 * @example
 * ```ts
 * const stored = await hasher.hash('Correct-Horse-9');
 * await hasher.verify('Correct-Horse-9', stored); // true
 * hasher.needsRehash(stored); // false
 * ```
 */
export interface PasswordHasher {
  /** Hashes `password` with the configured target scheme and cost, in the stored form. */
  hash(password: string): Promise<string>;
  /** `true` when `password` matches `stored`. Throws a coded error for a malformed or unknown hash. */
  verify(password: string, stored: string): Promise<boolean>;
  /** `true` when `stored` uses a deprecated scheme or weaker parameters than the target. */
  needsRehash(stored: string): boolean;
}
