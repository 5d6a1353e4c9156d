/** @module App passwords: create (generated, shown once), list and revoke, over the AppPasswordStore port. */
import { PassrotateError } from '../errors.js';
import { generateAppPassword } from '../generator/app-password.js';
import type { AppPasswordRecord, AppPasswordStore } from '../ports/app-password-store.js';
import { errorCode } from './decisions.js';
import { type Runtime, refuser, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RotationDeps } from './types.js';

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
 * The outcome of {@link revokeAppPassword}. `done` and `failed` name the `appPasswordRevokers`
 * that ran after the delete; a failed one (e.g. the auth-cache flush) may leave a cached login
 * working until the mail server's cache expires, so report it.
 *
 * @example
 * ```ts
 * if (result.ok && result.failed.length > 0) warn('the mail server was not reached');
 * ```
 */
export type RevokeAppPasswordResult =
  | { readonly ok: true; readonly done: readonly string[]; readonly failed: readonly string[] }
  | { readonly ok: false; readonly code: 'not_found' }
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

/** Runs `appPasswordRevokers` in order; returns the names that ran and those that threw. */
async function runMailServerRevokers(
  rt: Runtime,
  account: string,
): Promise<{ done: string[]; failed: string[]; errors: string[] }> {
  const report = { done: [] as string[], failed: [] as string[], errors: [] as string[] };
  for (const revoker of rt.deps.appPasswordRevokers ?? []) {
    try {
      await revoker.revoke({ account, keepSessionDigest: null });
      report.done.push(revoker.name);
    } catch (error) {
      report.failed.push(revoker.name);
      report.errors.push(errorCode(error, 'revoker_failed'));
    }
  }
  return report;
}

/**
 * Revokes one app password of `account`: deletes it (the mail server's passdb stops accepting it),
 * then runs `appPasswordRevokers` so cached logins and live connections made with it end (with
 * Dovecot, `doveadm kick` drops all the user's connections). `not_found` when the id is not one of
 * the account's. Audits `app_password_revoked` with the id and any failed revoker.
 *
 * @throws PassrotateError `app_passwords_not_configured` without `deps.appPasswords`.
 * @example
 * ```ts
 * const result = await revokeAppPassword(deps, { account: 'alice@example.org', id: '3' });
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
  const removed = await stored(() => store.revoke(account, input.id));
  if (!removed.ok) return refuse(removed);
  if (!removed.value) return refuse({ ok: false, code: 'not_found' } as const);
  const { done, failed, errors } = await runMailServerRevokers(rt, account);
  await rt.audit({
    type: 'app_password_revoked',
    account,
    actor,
    outcome: failed.length === 0 ? 'ok' : 'revocation_failed',
    details: { id: input.id, ...(failed.length === 0 ? {} : { failed, errors }) },
  });
  return { ok: true, done, failed };
}
