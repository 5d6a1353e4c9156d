/** @module Account-name normalization shared by the memory adapters. */
import { PassrotateError } from '../../errors.js';

/**
 * Lower-cases a full address and splits off its domain; throws on a name without `@`.
 *
 * @example
 * ```ts
 * splitAccount('Alice@Example.org'); // { account: 'alice@example.org', domain: 'example.org' }
 * ```
 */
export function splitAccount(account: string): { account: string; domain: string } {
  const lower = account.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0 || at === lower.length - 1) {
    throw new PassrotateError(
      'invalid_account',
      'memory store: an account must be a full address (local@domain)',
    );
  }
  return { account: lower, domain: lower.slice(at + 1) };
}
