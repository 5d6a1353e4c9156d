/** @module In-memory RecoveryAddressSource: a map from account to recovery address. */
import type { RecoveryAddressSource } from '../../ports/recovery-address-source.js';

/**
 * A {@link RecoveryAddressSource} over a fixed map (accounts compared lower-cased).
 *
 * @example
 * ```ts
 * const recoveryAddresses = memoryRecoveryAddresses({ 'alice@example.org': 'alice@home.example' });
 * await recoveryAddresses.recoveryAddress('Alice@example.org'); // 'alice@home.example'
 * ```
 */
export function memoryRecoveryAddresses(addresses: Readonly<Record<string, string>>): RecoveryAddressSource {
  const map = new Map(Object.entries(addresses).map(([account, to]) => [account.toLowerCase(), to]));
  return { recoveryAddress: async (account) => map.get(account.toLowerCase()) ?? null };
}
