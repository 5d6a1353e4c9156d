/** @module App passwords: create (generated, shown once), list and revoke, over the AppPasswordStore port. */
import { PassrotateError } from '../errors.js';
import { generateAppPassword } from '../generator/app-password.js';
import type { AppPasswordRecord, AppPasswordStore } from '../ports/app-password-store.js';
import type { PendingRevocation } from '../ports/credential-store.js';
import { outboxRows } from './decisions.js';
import { queueRevocations } from './queue-revocations.js';
import { runRevocations } from './run-revocations.js';
import { type Runtime, refuser, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RevocationReport, RotationDeps } from './types.js';

/** The longest device name, in code points (Postfixadmin's `description` is VARCHAR(255)). */
const MAX_NAME_LENGTH = 64;

/**
 * A request for a new app password.
 *
 * @example
 * ```ts
 * const input: CreateAppPasswordInput = { account: 'alice@example.org', name: 'Phone' };
 * ```
 */
export interface CreateAppPasswordInput {
  readonly account: string;
  /** The device it is for, shown in the list: 1 to 64 characters, no control characters. */
  readonly name: string;
  /** Who acts, for the audit trail. Default the account. */
  readonly actor?: string;
}

/**
 * The outcome of {@link createAppPassword}. `password` is the only time the app password exists
 * in clear: show it once, never store or log it.
 *
 * @example
 * ```ts
 * if (result.ok) show(`Use ${result.password} on ${result.name}`);
 * ```
 */
export type CreateAppPasswordResult =
  | {
      readonly ok: true;
      readonly id: string;
      readonly name: string;
      readonly password: string;
    }
  | {
      readonly ok: false;
      readonly code: 'invalid_name' | 'not_found' | 'inactive' | 'limit_reached';
    }
  | StorageFailure;

/**
 * The outcome of {@link listAppPasswords}.
 *
 * @example
 * ```ts
 * if (result.ok) for (const p of result.appPasswords) console.log(p.id, p.name);
 * ```
 */
export type ListAppPasswordsResult =
  | { readonly ok: true; readonly appPasswords: readonly AppPasswordRecord[] }
  | StorageFailure;

/**
 * A request to revoke one app password.
 *
 * @example
 * ```ts
 * const input: RevokeAppPasswordInput = { account: 'alice@example.org', id: '3' };
 * ```
 */
export interface RevokeAppPasswordInput {
  readonly account: string;
  readonly id: string;
  /** Who acts, for the audit trail. Default the account. */
  readonly actor?: string;
}

/**
 * The outcome of {@link revokeAppPassword}. `revocation` names the outbox rows of the
 * `appPasswordRevokers` (`app-password:<name>`) that ran after the delete (`done`) and those left
 * for `resumePendingRevocations` to retry (`pending`): until then a cached login made with the
 * revoked app password may keep working, so tell the owner. `conflict` when the mailbox changed
 * concurrently three times in a row (nothing was revoked; try again).
 *
 * @example
 * ```ts
 * if (result.ok && result.revocation.pending.length > 0) warn('the mail server was not reached yet');
 * ```
 */
export type RevokeAppPasswordResult =
  | { readonly ok: true; readonly revocation: RevocationReport }
  | { readonly ok: false; readonly code: 'not_found' | 'conflict' }
  | StorageFailure;

function appPasswordStore(deps: RotationDeps): AppPasswordStore {
  if (!deps.appPasswords) {
    throw new PassrotateError('app_passwords_not_configured', 'app passwords need RotationDeps.appPasswords');
  }
  return deps.appPasswords;
}

/** A device name with the surrounding spaces trimmed, or `null` when it is empty, too long or holds control characters. */
function deviceName(name: string): string | null {
  const trimmed = name.trim();
  const length = Array.from(trimmed).length;
  if (length === 0 || length > MAX_NAME_LENGTH || /\p{Cc}/u.test(trimmed)) return null;
  return trimmed;
}

/**
 * Creates an app password for an active mailbox: generated (four groups of four letters, about 75
 * bits), hashed with `appPasswordHasher` (default `hasher`) in the mail server's format, stored
 * under `name`, and returned once. Refuses `invalid_name`, `not_found`, `inactive` or
 * `limit_reached` (`appPasswordLimit`, default 5, held atomically by the store). Audits
 * `app_password_created` with the id, never the password or its hash.
 *
 * @throws PassrotateError `app_passwords_not_configured` without `deps.appPasswords`.
 * @example
 * ```ts
 * const result = await createAppPassword(deps, { account: 'alice@example.org', name: 'Phone' });
 * if (result.ok) console.log('shown once:', result.password);
 * ```
 */
export async function createAppPassword(
  deps: RotationDeps,
  input: CreateAppPasswordInput,
): Promise<CreateAppPasswordResult> {
  const store = appPasswordStore(deps);
  const rt = runtime(deps);
  const account = input.account.toLowerCase();
  const actor = input.actor ?? account;
  const refuse = refuser(rt, 'app_password_created', account, actor);
  const name = deviceName(input.name);
  if (name === null) return refuse({ ok: false, code: 'invalid_name' } as const);
  const mailbox = await stored(() => deps.store.get(account));
  if (!mailbox.ok) return refuse(mailbox);
  if (!mailbox.value) return refuse({ ok: false, code: 'not_found' } as const);
  if (!mailbox.value.active) return refuse({ ok: false, code: 'inactive' } as const);
  const password = generateAppPassword(rt.random);
  const passwordHash = await (deps.appPasswordHasher ?? deps.hasher).hash(password);
  const created = await stored(() =>
    store.create({
      account,
      name,
      passwordHash,
      createdAt: rt.clock.now(),
      limit: deps.appPasswordLimit ?? 5,
    }),
  );
  if (!created.ok) return refuse(created);
  if (!created.value.ok) return refuse({ ok: false, code: created.value.code } as const);
  await rt.audit({
    type: 'app_password_created',
    account,
    actor,
    outcome: 'ok',
    details: { id: created.value.id },
  });
  return { ok: true, id: created.value.id, name, password };
}

/**
 * Lists an account's app passwords (id, device name, creation time; never a hash).
 *
 * @throws PassrotateError `app_passwords_not_configured` without `deps.appPasswords`.
 * @example
 * ```ts
 * const result = await listAppPasswords(deps, 'alice@example.org');
 * ```
 */
export async function listAppPasswords(deps: RotationDeps, account: string): Promise<ListAppPasswordsResult> {
  const store = appPasswordStore(deps);
  const listed = await stored(() => store.list(account.toLowerCase()));
  return listed.ok ? { ok: true, appPasswords: listed.value } : listed;
}

/** Removes outbox rows whose revocation will not happen (the delete did not); a failure leaves harmless rows. */
async function withdraw(rt: Runtime, rows: readonly PendingRevocation[]): Promise<void> {
  await Promise.all(rows.map((row) => stored(() => rt.deps.store.completeRevocation(row.id))));
}

/**
 * Revokes one app password of `account`: queues one outbox row per `appPasswordRevokers` entry
 * (named `app-password:<name>`, in a flags-only compare-and-set write of the mailbox that changes
 * neither its password nor its dates), deletes the app password (the mail server's passdb stops
 * accepting it), then runs the rows so cached logins and live connections made with it end (with
 * Dovecot, `doveadm kick` drops all the user's connections). A row that fails stays in the outbox
 * for `resumePendingRevocations`, so a failed flush is retried, never dropped. `not_found` when the
 * id is not one of the account's (no row is left behind). Audits `app_password_revoked` with the
 * id and any pending row.
 *
 * @throws PassrotateError `app_passwords_not_configured` without `deps.appPasswords`.
 * @example
 * ```ts
 * const result = await revokeAppPassword(deps, { account: 'alice@example.org', id: '3' });
 * if (result.ok && result.revocation.pending.length > 0) console.log('retried by passrotate resume');
 * ```
 */
export async function revokeAppPassword(
  deps: RotationDeps,
  input: RevokeAppPasswordInput,
): Promise<RevokeAppPasswordResult> {
  const store = appPasswordStore(deps);
  const rt = runtime(deps);
  const account = input.account.toLowerCase();
  const actor = input.actor ?? account;
  const refuse = refuser(rt, 'app_password_revoked', account, actor);
  const listed = await stored(() => store.list(account));
  if (!listed.ok) return refuse(listed);
  if (!listed.value.some((p) => p.id === input.id)) return refuse({ ok: false, code: 'not_found' } as const);
  const rows = outboxRows({
    account,
    revokers: rt.appPasswordRevokers,
    keepSessionDigest: null,
    now: rt.clock.now(),
    leaseMs: rt.retryBaseMs,
    newId: rt.newId,
  });
  if (rows.length > 0) {
    const queued = await queueRevocations(rt, account, rows);
    if (!queued.ok) return refuse(queued);
  }
  const removed = await stored(() => store.revoke(account, input.id));
  if (!removed.ok || !removed.value) {
    await withdraw(rt, rows);
    return refuse(removed.ok ? ({ ok: false, code: 'not_found' } as const) : removed);
  }
  const revocation = await runRevocations(rt, rows, actor);
  await rt.audit({
    type: 'app_password_revoked',
    account,
    actor,
    outcome: revocation.pending.length === 0 ? 'ok' : 'revocation_pending',
    details: { id: input.id, ...(revocation.pending.length === 0 ? {} : { pending: revocation.pending }) },
  });
  return { ok: true, revocation };
}
