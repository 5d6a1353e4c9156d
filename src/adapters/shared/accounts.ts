/** @module Account addresses as every adapter stores them: lower-case, split at the last `@`. */

/**
 * Lower-cases an address (accounts are compared case-insensitively and stored lower-case).
 *
 * @example
 * ```ts
 * normalizeAccount('Alice@Example.ORG'); // 'alice@example.org'
 * ```
 */
export function normalizeAccount(account: string): string {
  if (typeof account !== 'string' || account.length === 0)
    throw new TypeError('account must be a non-empty string');
  return account.trim().toLowerCase();
}

/**
 * The domain part of an address (`''` when there is no `@`).
 *
 * @example
 * ```ts
 * domainOf('alice@example.org'); // 'example.org'
 * ```
 */
export function domainOf(account: string): string {
  const at = account.lastIndexOf('@');
  return at < 0 ? '' : account.slice(at + 1);
}

/**
 * The local part of an address (the whole string when there is no `@`).
 *
 * @example
 * ```ts
 * localPartOf('alice@example.org'); // 'alice'
 * ```
 */
export function localPartOf(account: string): string {
  const at = account.lastIndexOf('@');
  return at < 0 ? account : account.slice(0, at);
}
