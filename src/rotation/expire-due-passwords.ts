/** @module Cron flow: marks every aged-out password must-change, notifying and auditing each. */
import { passwordAgedOut } from './decisions.js';
import { expirePassword } from './expire-password.js';
import { forEachExpiring } from './expiring-mailboxes.js';
import { runtime } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { Actor, RevocationMode, RotationDeps } from './types.js';

/**
 * Which aged-out passwords to expire.
 *
 * @example
 * ```ts
 * const input: ExpireDuePasswordsInput = { domain: 'example.org', revoke: 'all' };
 * ```
 */
export interface ExpireDuePasswordsInput {
  /** Only this domain. Default every domain. */
  readonly domain?: string | null;
  /** Sessions to end for each expired mailbox. Default `none`. */
  readonly revoke?: Exclude<RevocationMode, 'others'>;
  /** Recorded in the audit trail. Default `system` (a superadmin). */
  readonly actor?: Actor;
}

/**
 * What {@link expireDuePasswords} did: the accounts it `expired`, how many lost a race to another
 * write (`conflicts`, left for the next run) and how many it `skipped` (inactive, already
 * must-change, not yet due).
 *
 * @example
 * ```ts
 * if (result.ok) console.log(`${result.expired.length} passwords expired`);
 * ```
 */
export type ExpireDuePasswordsResult =
  | {
      readonly ok: true;
      readonly expired: readonly string[];
      readonly conflicts: number;
      readonly skipped: number;
    }
  | StorageFailure;

const SYSTEM: Actor = { name: 'system', superadmin: true, domains: [] };

/**
 * For each active mailbox whose ordinary password is past its `expiresAt` (and not must-change
 * yet), runs {@link expirePassword}: must-change, audited as `password_expired`, the owner notified
 * with `password_expired`. Idempotent: a second run finds them must-change and skips them. For
 * cron (`passrotate expire --due`); without it an aged-out password still signs in only to be
 * changed (see `verifyLogin`).
 *
 * @throws PassrotateError `unsupported_store` when the store cannot list expiring passwords.
 *
 * @example
 * ```ts
 * const result = await expireDuePasswords(deps, { domain: 'example.org' });
 * ```
 */
export async function expireDuePasswords(
  deps: RotationDeps,
  input: ExpireDuePasswordsInput = {},
): Promise<ExpireDuePasswordsResult> {
  const rt = runtime(deps);
  const now = rt.clock.now();
  const expired: string[] = [];
  let conflicts = 0;
  let skipped = 0;
  const failure = await forEachExpiring(
    deps.store,
    new Date(now.getTime() + 1),
    input.domain ?? null,
    async (record) => {
      if (!record.active || !passwordAgedOut(record, now)) {
        skipped += 1;
        return null;
      }
      const result = await expirePassword(deps, {
        actor: input.actor ?? SYSTEM,
        account: record.account,
        revoke: input.revoke ?? 'none',
      });
      if (result.ok) expired.push(record.account);
      else if (result.code === 'storage_failure') return result;
      else conflicts += 1;
      return null;
    },
  );
  return failure ?? { ok: true, expired, conflicts, skipped };
}
