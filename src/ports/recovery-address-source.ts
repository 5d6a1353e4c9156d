/** @module Port: where a mailbox owner receives mail when they cannot sign in (the reset link). */

/**
 * Reads a mailbox's recovery address: another mailbox of its owner, outside the account being
 * reset. Adapters: the SQL stores read Postfixadmin's `mailbox.email_other`; memory keeps a map.
 *
 * @example
 * ```ts
 * const recoveryAddresses: RecoveryAddressSource = {
 *   recoveryAddress: async (account) => (account === 'alice@example.org' ? 'alice@home.example' : null),
 * };
 * ```
 */
export interface RecoveryAddressSource {
  /** The recovery address of `account`, or `null` when it has none (or there is no such mailbox). */
  recoveryAddress(account: string): Promise<string | null>;
}
