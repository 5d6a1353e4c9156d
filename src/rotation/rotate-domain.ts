/** @module Breach response: a new compliant password for every mailbox of a domain. */
import type { MailboxRecord } from '../ports/credential-store.js';
import { commitChange } from './commit-change.js';
import { mayManage } from './decisions.js';
import { pickPassword } from './new-password.js';
import { runRevocations } from './run-revocations.js';
import { type Runtime, runtime, stored } from './runtime.js';
import type { Actor, RotationDeps } from './types.js';

/**
 * Which domain to rotate, by whom.
 *
 * @example
 * ```ts
 * const input: RotateDomainInput = { actor, domain: 'example.org', dryRun: true };
 * ```
 */
export interface RotateDomainInput {
  readonly actor: Actor;
  readonly domain: string;
  /** Must change at next login, expiring after `temporaryPasswordTtlMs`. Default `true` (ASVS 5.0 §6.4.1). */
  readonly temporary?: boolean;
  /** List the mailboxes without changing anything. Default `false`. */
  readonly dryRun?: boolean;
}

/**
 * One mailbox's outcome. `password` is the new password (hand it over once, then forget it), or
 * `null` in a dry run; a mailbox that could not be rotated has `ok: false` and a code.
 *
 * @example
 * ```ts
 * const line: RotatedMailbox = { ok: true, account: 'alice@example.org', password: 'Tq7…', pendingRevocations: [] };
 * ```
 */
export type RotatedMailbox =
  | {
      readonly ok: true;
      readonly account: string;
      readonly password: string | null;
      /** Revokers left for `resumePendingRevocations`. */
      readonly pendingRevocations: readonly string[];
    }
  | {
      readonly ok: false;
      readonly account: string;
      readonly code: 'conflict' | 'not_found' | 'storage_failure';
    };

/**
 * The outcome of {@link rotateDomain}.
 *
 * @example
 * ```ts
 * if (result.ok) for (const m of result.mailboxes) if (m.ok) csv.push([m.account, m.password]);
 * ```
 */
export type RotateDomainResult =
  | { readonly ok: true; readonly dryRun: boolean; readonly mailboxes: readonly RotatedMailbox[] }
  | { readonly ok: false; readonly code: 'forbidden' | 'storage_failure' };

/**
 * For every mailbox of `domain` (in account order): generate a compliant password, set it (by
 * default temporary: must change at next login, with an expiry), revoke every session and return
 * the list for the CLI to write as CSV or JSON. A mailbox whose write fails is reported and the
 * others go on; run it again for those. Audited per mailbox as `password_set_by_admin` with
 * `bulk: true`; owners are notified.
 *
 * @throws PassrotateError `generation_failed` when the generator cannot satisfy the policy.
 *
 * @example
 * ```ts
 * const result = await rotateDomain(deps, { actor, domain: 'example.org' });
 * ```
 */
export async function rotateDomain(
  deps: RotationDeps,
  input: RotateDomainInput,
): Promise<RotateDomainResult> {
  const rt = runtime(deps);
  const domain = input.domain.toLowerCase();
  if (!mayManage(input.actor, domain)) {
    await rt.audit({
      type: 'password_change_refused',
      account: `@${domain}`,
      actor: input.actor.name,
      outcome: 'forbidden',
      details: { bulk: true },
    });
    return { ok: false, code: 'forbidden' };
  }
  const dryRun = input.dryRun === true;
  const mailboxes: RotatedMailbox[] = [];
  let cursor: string | null = null;
  do {
    const page = await stored(() => deps.store.listByDomain(domain, { cursor }));
    if (!page.ok) return page;
    for (const record of page.value.mailboxes) {
      mailboxes.push(
        dryRun
          ? { ok: true, account: record.account, password: null, pendingRevocations: [] }
          : await rotateOne(rt, record, input.actor, input.temporary ?? true),
      );
    }
    cursor = page.value.nextCursor;
  } while (cursor !== null);
  return { ok: true, dryRun, mailboxes };
}

async function rotateOne(
  rt: Runtime,
  record: MailboxRecord,
  actor: Actor,
  temporary: boolean,
): Promise<RotatedMailbox> {
  const { account } = record;
  const picked = await pickPassword(rt, record, null);
  const now = rt.clock.now();
  const result = await commitChange(rt, {
    record,
    password: picked.password,
    mustChange: temporary,
    expiresAt: temporary ? new Date(now.getTime() + rt.temporaryPasswordTtlMs) : null,
    revoke: 'all',
    keepSessionId: null,
    now,
  });
  if (!result.ok) {
    await rt.audit({
      type: 'password_change_refused',
      account,
      actor: actor.name,
      outcome: result.code,
      details: { bulk: true },
    });
    return { ok: false, account, code: result.code };
  }
  await rt.audit({
    type: 'password_set_by_admin',
    account,
    actor: actor.name,
    outcome: 'ok',
    at: now,
    details: { generated: true, temporary, bulk: true },
  });
  const revocation = await runRevocations(rt, result.rows, actor.name);
  await rt.notify({ kind: 'password_set_by_admin', account, at: now, actor: actor.name });
  return { ok: true, account, password: picked.password, pendingRevocations: revocation.pending };
}
