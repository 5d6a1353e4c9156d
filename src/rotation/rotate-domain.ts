/** @module Breach response: a new compliant password for every mailbox of a domain. */
import type { MailboxRecord } from '../ports/credential-store.js';
import { commitChange } from './commit-change.js';
import { errorCode, maxAgeExpiry, mayManage } from './decisions.js';
import { type GeneratorChoice, generateWith } from './generator-choice.js';
import { pickPassword } from './new-password.js';
import { runRevocations } from './run-revocations.js';
import { type Runtime, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
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
  /**
   * Mailboxes rotated at once. Default 1. Raise it to the hasher's worker count when it hashes off
   * the main thread; it does not help a hasher that runs on the event loop.
   */
  readonly concurrency?: number;
  /** Password or passphrase, and the generator's options (length, specials…). Default: a password. */
  readonly generator?: GeneratorChoice;
}

/**
 * One mailbox's outcome. `password` is the new password (hand it over once, then forget it), or
 * `null` in a dry run; a mailbox that could not be rotated has `ok: false` and a code.
 *
 * @example
 * ```ts
 * const line: RotatedMailbox = { ok: true, account: 'alice@example.org', password: 'Tq7…', version: 4, pendingRevocations: [] };
 * ```
 */
export type RotatedMailbox =
  | {
      readonly ok: true;
      readonly account: string;
      readonly password: string | null;
      /** The credential version written, or the current one in a dry run. */
      readonly version: number;
      /** Revokers left for `resumePendingRevocations`. */
      readonly pendingRevocations: readonly string[];
    }
  | {
      readonly ok: false;
      readonly account: string;
      readonly code: 'conflict' | 'not_found';
    }
  | (StorageFailure & { readonly account: string })
  | {
      readonly ok: false;
      readonly account: string;
      /** Something threw (e.g. a malformed stored hash); `reason` is its code, never a message. */
      readonly code: 'failed';
      readonly reason: string;
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
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly mailboxes: readonly RotatedMailbox[];
      /** `false` when listing the domain failed part-way: the mailboxes listed here are still done. */
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly code: 'forbidden' }
  | StorageFailure;

/**
 * For every mailbox of `domain` (in account order): generate a compliant password, set it (by
 * default temporary: must change at next login, with an expiry), revoke every session and return
 * the list for the CLI to write as CSV or JSON. A mailbox that fails (write refused, store down,
 * or anything thrown such as `generation_failed` or a malformed stored hash) is reported with a code
 * and the others go on, so passwords already set always reach the caller; run it again for those.
 * If listing fails after the first page, the result is `complete: false`. Audited per mailbox as
 * `password_set_by_admin` with `bulk: true`; owners are notified.
 *
 * @throws RangeError when `concurrency` is not an integer ≥ 1.
 * @throws PassrotateError `invalid_generator_options` when `generator` asks for what the policy
 *   cannot give (before any mailbox is touched).
 *
 * @example
 * ```ts
 * const result = await rotateDomain(deps, { actor, domain: 'example.org', generator: { passphrase: true } });
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
  // A request the policy cannot meet throws once here instead of failing every mailbox.
  generateWith(deps.policy, input.generator, rt.random, {});
  const concurrency = input.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError('rotateDomain: concurrency must be ≥ 1');
  const mailboxes: RotatedMailbox[] = [];
  let cursor: string | null = null;
  do {
    const page = await stored(() => deps.store.listByDomain(domain, { cursor }));
    // Passwords already set must reach the caller, so a failure after the first page is partial.
    if (!page.ok) return mailboxes.length === 0 ? page : { ok: true, dryRun, mailboxes, complete: false };
    const records = page.value.mailboxes;
    mailboxes.push(
      ...(dryRun
        ? records.map(
            (r) =>
              ({
                ok: true,
                account: r.account,
                password: null,
                version: r.version,
                pendingRevocations: [],
              }) as const,
          )
        : await mapConcurrently(records, concurrency, (r) =>
            rotateOne(rt, r, input.actor, input.temporary ?? true, input.generator),
          )),
    );
    cursor = page.value.nextCursor;
  } while (cursor !== null);
  return { ok: true, dryRun, mailboxes, complete: true };
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One mailbox; never throws, so one bad record cannot lose the passwords already set. */
async function rotateOne(
  rt: Runtime,
  record: MailboxRecord,
  actor: Actor,
  temporary: boolean,
  generator: GeneratorChoice | undefined,
): Promise<RotatedMailbox> {
  try {
    return await rotateOneOrThrow(rt, record, actor, temporary, generator);
  } catch (error) {
    const reason = errorCode(error, 'unexpected_error');
    await rt.audit({
      type: 'password_change_refused',
      account: record.account,
      actor: actor.name,
      outcome: 'failed',
      details: { bulk: true, reason },
    });
    return { ok: false, account: record.account, code: 'failed', reason };
  }
}

async function rotateOneOrThrow(
  rt: Runtime,
  record: MailboxRecord,
  actor: Actor,
  temporary: boolean,
  generator: GeneratorChoice | undefined,
): Promise<RotatedMailbox> {
  const { account } = record;
  const picked = await pickPassword(rt, record, generator === undefined ? {} : { generator });
  const now = rt.clock.now();
  const result = await commitChange(rt, {
    record,
    password: picked.password,
    mustChange: temporary,
    expiresAt: temporary
      ? new Date(now.getTime() + rt.temporaryPasswordTtlMs)
      : maxAgeExpiry(rt.deps.passwordMaxAge, record.domain, now),
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
      details: result.code === 'storage_failure' ? { bulk: true, cause: result.cause } : { bulk: true },
    });
    return { ...result, account };
  }
  // The change's audit event is recorded while the revokers run: neither waits for the other.
  const [, revocation] = await Promise.all([
    rt.audit({
      type: 'password_set_by_admin',
      account,
      actor: actor.name,
      outcome: 'ok',
      at: now,
      details: { generated: true, temporary, bulk: true },
    }),
    runRevocations(rt, result.rows, actor.name, result.applied),
  ]);
  await rt.notify({ kind: 'password_set_by_admin', account, at: now, actor: actor.name });
  return {
    ok: true,
    account,
    password: picked.password,
    version: result.version,
    pendingRevocations: revocation.pending,
  };
}
