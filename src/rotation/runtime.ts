/** @module Thin helpers the orchestrators share: defaults, safe audit/notify, store calls, the limiter. */

import { encodeHex } from '../hash/encoding.js';
import type { AuditEvent, AuditEventType, AuditSink } from '../ports/audit-sink.js';
import { type Clock, systemClock } from '../ports/clock.js';
import type { PasswordNotification } from '../ports/notifier.js';
import { cryptoRandomSource, type RandomSource } from '../ports/random-source.js';
import type { SessionRevoker } from '../ports/session-revoker.js';
import { appPasswordRevoker } from './app-password-revoker.js';
import { type AttemptReservation, reserveAttempt } from './reserve-attempt.js';
import { type StorageFailure, storageFailureCause } from './storage-failure.js';
import type { RateLimited, RotationDeps } from './types.js';

/**
 * The deps with every default filled in.
 *
 * @example
 * ```ts
 * const rt: Runtime = runtime({ store, hasher, policy });
 * await rt.audit({ type: 'password_expired', account: 'alice@example.org', actor: 'system', outcome: 'ok' });
 * ```
 */
export interface Runtime {
  readonly deps: RotationDeps;
  readonly clock: Clock;
  readonly random: RandomSource;
  /**
   * The revokers a password change writes outbox rows for: `deps.revokers` and `app-passwords`,
   * without those `app-passwords` already runs after its delete (the same objects in
   * `appPasswordRevokers`).
   */
  readonly changeRevokers: readonly SessionRevoker[];
  /** `appPasswordRevokers` under their outbox names (`app-password:<name>`), run by `revokeAppPassword`. */
  readonly appPasswordRevokers: readonly SessionRevoker[];
  /** The revoker an outbox row names: one of `deps.revokers`, `app-passwords`, or `app-password:<name>`. */
  revokerNamed(name: string): SessionRevoker | undefined;
  readonly temporaryPasswordTtlMs: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** A fresh random id (outbox rows). */
  newId(): string;
  /** Records an audit event; a failing sink is ignored (the outcome stands). */
  audit(event: Omit<AuditEvent, 'at'> & { at?: Date }): Promise<void>;
  /** Notifies the owner; a failure is audited as `notification_failed`, never thrown. */
  notify(notification: PasswordNotification): Promise<void>;
}

/**
 * The longest account an audit event keeps (an address is at most 64 + 1 + 255 characters): a
 * login form can submit any string, and the audit trail must not store megabytes of it.
 */
const MAX_AUDITED_ACCOUNT = 320;

function boundAccount(account: string): string {
  if (account.length <= MAX_AUDITED_ACCOUNT) return account;
  return Array.from(account).slice(0, MAX_AUDITED_ACCOUNT).join('');
}

/**
 * Records through `sink`: with `recordAll`, the events recorded in the same turn of the event loop
 * (a flow's concurrent steps) are written together in one call, in order; else one by one.
 */
function auditBatcher(sink: AuditSink | undefined): (event: AuditEvent) => Promise<void> {
  if (!sink) return async () => {};
  const recordAll = sink.recordAll?.bind(sink);
  if (!recordAll) return (event) => sink.record(event);
  let batch: AuditEvent[] | null = null;
  let written: Promise<void> = Promise.resolve();
  return (event) => {
    if (batch === null) {
      const events: AuditEvent[] = [];
      batch = events;
      written = Promise.resolve().then(() => {
        batch = null;
        return recordAll(events);
      });
    }
    batch.push(event);
    return written;
  };
}

/**
 * The prefix of the outbox names of `appPasswordRevokers` when `revokeAppPassword` queues them, so
 * they never clash with `revokers` of the same name (`dovecot-auth-cache` and
 * `app-password:dovecot-auth-cache` are two rows, each resolved to its own revoker).
 */
const APP_PASSWORD_OUTBOX_PREFIX = 'app-password:';

/** `revoker` under the outbox name `app-password:<name>`. */
function appPasswordOutboxRevoker(revoker: SessionRevoker): SessionRevoker {
  return {
    name: `${APP_PASSWORD_OUTBOX_PREFIX}${revoker.name}`,
    revoke: (request) => revoker.revoke(request),
  };
}

/**
 * Resolves `deps` into a {@link Runtime}; throws a `TypeError` for duplicate revoker names. With
 * `appPasswords` and `revokeAppPasswordsOnChange` not `false`, the `app-passwords` revoker is added;
 * it runs `appPasswordRevokers` after deleting the app passwords, so a change writes no separate
 * row for a revoker that is also in `revokers` (the same object): each runs once per change, after
 * the delete (a flush before the delete could be refilled by a login with an app password).
 *
 * @example
 * ```ts
 * const rt = runtime(deps);
 * ```
 */
export function runtime(deps: RotationDeps): Runtime {
  const appPasswordsOnChange =
    deps.appPasswords !== undefined && deps.revokeAppPasswordsOnChange !== false
      ? [appPasswordRevoker(deps.appPasswords, deps.appPasswordRevokers)]
      : [];
  const revokers = [...(deps.revokers ?? []), ...appPasswordsOnChange];
  const runAfterDelete = new Set<SessionRevoker>(
    appPasswordsOnChange.length > 0 ? deps.appPasswordRevokers : [],
  );
  const changeRevokers = revokers.filter((r) => !runAfterDelete.has(r));
  const appPasswordRevokers = (deps.appPasswordRevokers ?? []).map(appPasswordOutboxRevoker);
  const byName = new Map([...revokers, ...appPasswordRevokers].map((r) => [r.name, r]));
  if (byName.size !== revokers.length + appPasswordRevokers.length) {
    throw new TypeError('rotation: revoker names must be unique');
  }
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? cryptoRandomSource;
  const recordAudit = auditBatcher(deps.audit);
  const rt: Runtime = {
    deps,
    clock,
    random,
    changeRevokers,
    appPasswordRevokers,
    revokerNamed: (name) => byName.get(name),
    temporaryPasswordTtlMs: deps.temporaryPasswordTtlMs ?? 72 * 3_600_000,
    retryBaseMs: deps.retryBaseMs ?? 30_000,
    retryMaxMs: deps.retryMaxMs ?? 3_600_000,
    newId: () => encodeHex(random.fill(new Uint8Array(16))),
    async audit(event) {
      if (!deps.audit) return;
      const full = { ...event, account: boundAccount(event.account), at: event.at ?? clock.now() };
      try {
        await recordAudit(full);
      } catch {
        // The audit sink must not undo or hide the outcome; nothing else to report it to.
      }
    },
    async notify(notification) {
      if (!deps.notifier) return;
      try {
        await deps.notifier.notify(notification);
      } catch {
        await rt.audit({
          type: 'notification_failed',
          account: notification.account,
          actor: notification.actor,
          outcome: 'notification_failed',
          details: { kind: notification.kind },
        });
      }
    },
  };
  return rt;
}

/**
 * A store call's value, or `storage_failure` with its cause when the store threw.
 *
 * @example
 * ```ts
 * const got: Stored<MailboxRecord | null> = await stored(() => store.get('alice@example.org'));
 * if (got.ok && got.value) console.log(got.value.version);
 * ```
 */
export type Stored<T> = { readonly ok: true; readonly value: T } | StorageFailure;

/**
 * Awaits a store call, turning a thrown infrastructure error into `storage_failure` with a
 * `StorageFailureCause` read from the error's code.
 *
 * @example
 * ```ts
 * const got = await stored(() => store.get(account));
 * if (!got.ok) return got;
 * ```
 */
export async function stored<T>(call: () => Promise<T>): Promise<Stored<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, code: 'storage_failure', cause: storageFailureCause(error) };
  }
}

/** What {@link reserveFlowAttempt} may answer besides a reservation. */
type NotReserved = RateLimited | StorageFailure;

const NO_LIMITER: AttemptReservation = { ok: true, succeeded: async () => {}, release: async () => {} };

/**
 * Reserves a password attempt on `account:<account>` and `client:<clientKey>` (see
 * {@link reserveAttempt}); a limiter that throws gives `storage_failure`, no limiter always allows.
 *
 * @example
 * ```ts
 * const attempt = await reserveFlowAttempt(rt, account, input.clientKey);
 * if (!attempt.ok) return refuse(attempt);
 * ```
 */
export async function reserveFlowAttempt(
  rt: Runtime,
  account: string,
  clientKey: string | undefined,
): Promise<AttemptReservation | NotReserved> {
  const limiter = rt.deps.limiter;
  if (!limiter) return NO_LIMITER;
  const keys = {
    account: `account:${account}`,
    ...(clientKey === undefined ? {} : { client: `client:${clientKey}` }),
  };
  const reserved = await stored(() => reserveAttempt(limiter, keys));
  return reserved.ok ? reserved.value : reserved;
}

/** Any refusal a flow returns. */
type Refusal = {
  readonly ok: false;
  readonly code: string;
  readonly violations?: readonly { code: string }[];
  readonly cause?: string;
};

/**
 * A function that audits a refusal (its code, and the violation codes of a policy refusal) as
 * `type` for `account` by `actor`, then returns it unchanged.
 *
 * @example
 * ```ts
 * const refuse = refuser(rt, 'login_refused', account, account);
 * return refuse({ ok: false, code: 'invalid_credentials' } as const);
 * ```
 */
export function refuser(
  rt: Runtime,
  type: AuditEventType,
  account: string,
  actor: string,
  details: Readonly<Record<string, string | boolean>> = {},
): <R extends Refusal>(result: R) => Promise<R> {
  return async (result) => {
    const violations = result.violations?.map((v) => v.code);
    const withCause = result.cause === undefined ? details : { ...details, cause: result.cause };
    const all = violations ? { ...withCause, violations } : withCause;
    await rt.audit({
      type,
      account,
      actor,
      outcome: result.code,
      ...(Object.keys(all).length > 0 ? { details: all } : {}),
    });
    return result;
  };
}
