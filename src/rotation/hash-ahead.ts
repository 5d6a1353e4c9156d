/** @module Starts hashing a new password while the flow's slower checks or reads still run. */
import type { ValidationContext } from '../policy/types.js';
import { validatePassword } from '../policy/validate.js';
import type { Runtime } from './runtime.js';

/**
 * Starts hashing `password` now when the policy's synchronous rules accept it with `context`, so
 * the key derivation runs alongside what the flow still has to do (an admin set reads the mailbox;
 * an own change checks the history, itself key derivations, and breaches); the write then waits
 * only for the slower of the two. Returns `null`, and hashes nothing, when those rules refuse it
 * (the flow's full check reports it), so a password the policy refuses outright is never hashed.
 * One that a later check refuses (display name unknown to `context`, history, breach) was hashed
 * for nothing and its hash is dropped: use the hash only for a password the full check accepted.
 * A rejected hash surfaces only where the promise is awaited.
 *
 * @example
 * ```ts
 * const hashing = hashAhead(rt, 'New-Secret-42', { account: 'alice@example.org' });
 * const record = await deps.store.get('alice@example.org');
 * // …full policy check with the record, then commitChange(rt, { …, passwordHash: hashing ?? undefined })
 * ```
 */
export function hashAhead(rt: Runtime, password: string, context: ValidationContext): Promise<string> | null {
  if (!validatePassword(rt.deps.policy, password, context).ok) return null;
  const hashing = rt.deps.hasher.hash(password);
  hashing.catch(() => undefined);
  return hashing;
}
