/** @module Port: looks a password up in a corpus of breached passwords (e.g. Have I Been Pwned). */

/**
 * Tells how often a password appears in known breaches. Implementations: the offline checker over
 * a sorted SHA-1 list (`sortedSha1BreachChecker` in the root entry, `hibpOfflineBreachChecker` in
 * `passrotate/adapters/hibp-offline` for a file on disk), or `hibpBreachChecker` in `passrotate/adapters/hibp` over the HIBP range API.
 * An implementation must never log or send the password itself (send at most a hash prefix).
 *
 * @example
 * ```ts
 * const checker: BreachChecker = { occurrences: async () => 0 };
 * await checker.occurrences('P@ssw0rd'); // 0 = not known as breached
 * ```
 */
export interface BreachChecker {
  /** How many times `password` appears in the breach corpus; 0 when it does not. */
  occurrences(password: string): Promise<number>;
}
