/** @module Starts hashing an admin's new password while the mailbox record is still being read. */
import { validatePassword } from '../policy/validate.js';
import type { Runtime } from './runtime.js';

/**
 * Starts hashing `password` now, before `account`'s record is read, when the policy's record-free
 * rules (all but the display-name and history checks) accept it: the key derivation and the store
 * read then run at once, and the write waits only for the slower of the two. Returns `null`, and
 * hashes nothing, when those rules refuse it (the full check after the read reports it), so a
 * password the policy refuses outright is never hashed. One that the display-name or history
 * check refuses afterwards was hashed for nothing and its hash is dropped: use the hash only for a
 * password the full check accepted. A rejected hash surfaces only where the promise is awaited.
 *
 * @example
 * ```ts
 * const hashing = hashAhead(rt, 'alice@example.org', 'New-Secret-42');
 * const record = await deps.store.get('alice@example.org');
 * // …full policy check with the record, then commitChange(rt, { …, passwordHash: hashing ?? undefined })
 * ```
 */
export function hashAhead(rt: Runtime, account: string, password: string): Promise<string> | null {
  if (!validatePassword(rt.deps.policy, password, { account }).ok) return null;
  const hashing = rt.deps.hasher.hash(password);
  hashing.catch(() => undefined);
  return hashing;
}
