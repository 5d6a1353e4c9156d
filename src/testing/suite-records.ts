/** @module The mailboxes, password writes and outbox rows the credential-store suites start from. */
import type { CredentialStore, PasswordWrite, PendingRevocation } from '../ports/credential-store.js';
import { expect } from './expect.js';
import { at, fakeHash, T0 } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * Creates a mailbox with a fresh random account (in `domain`, by default a fresh one) at version 1,
 * changed at {@link T0}, and checks the store answered so.
 *
 * @example
 * ```ts
 * const { account, passwordHash } = await freshMailbox(store);
 * ```
 */
export async function freshMailbox(
  store: CredentialStore,
  domain = `d${uniqueTag()}.test`,
): Promise<{ readonly account: string; readonly domain: string; readonly passwordHash: string }> {
  const account = `u${uniqueTag()}@${domain}`;
  const passwordHash = fakeHash('initial');
  expect(await store.createMailbox({ account, passwordHash, changedAt: T0 })).toEqual({
    ok: true,
    version: 1,
  });
  return { account, domain, passwordHash };
}

/**
 * A write of a new hash over version 1 at one minute after {@link T0}, keeping 5 previous hashes.
 *
 * @example
 * ```ts
 * await store.setPassword(passwordWrite(account, { mustChange: true }));
 * ```
 */
export function passwordWrite(account: string, overrides: Partial<PasswordWrite> = {}): PasswordWrite {
  return {
    account,
    expectedVersion: 1,
    passwordHash: fakeHash('next'),
    changedAt: at(1),
    mustChange: false,
    expiresAt: null,
    historyLimit: 5,
    pendingRevocations: [],
    ...overrides,
  };
}

/**
 * A new outbox row of `account` for the `web-sessions` revoker, due one minute after {@link T0}.
 *
 * @example
 * ```ts
 * const r = outboxRow(account, { revoker: 'imap' });
 * ```
 */
export function outboxRow(account: string, overrides: Partial<PendingRevocation> = {}): PendingRevocation {
  return {
    id: `r${uniqueTag()}`,
    account,
    revoker: 'web-sessions',
    keepSessionDigest: null,
    createdAt: at(1),
    attempts: 0,
    nextAttemptAt: at(1),
    lastError: null,
    ...overrides,
  };
}
