/** @module Pages through the mailboxes whose password expires before an instant, for the expiry flows. */
import { PassrotateError } from '../errors.js';
import type { CredentialStore, MailboxPage, MailboxRecord } from '../ports/credential-store.js';
import { type Stored, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';

/**
 * Runs `each` on every mailbox whose `expiresAt` is before `before` (optionally of one `domain`),
 * page by page, stopping at the first storage failure (returned); `null` when all ran.
 *
 * @throws PassrotateError `unsupported_store` when the store has no `listExpiringBefore`.
 */
export async function forEachExpiring(
  store: CredentialStore,
  before: Date,
  domain: string | null,
  each: (record: MailboxRecord) => Promise<StorageFailure | null>,
): Promise<StorageFailure | null> {
  const list = store.listExpiringBefore?.bind(store);
  if (list === undefined) {
    throw new PassrotateError(
      'unsupported_store',
      'the credential store cannot list expiring passwords (no listExpiringBefore)',
    );
  }
  let cursor: string | null = null;
  do {
    const after: string | null = cursor;
    const page: Stored<MailboxPage> = await stored(() => list(before, { domain, cursor: after, limit: 100 }));
    if (!page.ok) return page;
    for (const record of page.value.mailboxes) {
      const failure = await each(record);
      if (failure) return failure;
    }
    cursor = page.value.nextCursor;
  } while (cursor !== null);
  return null;
}
