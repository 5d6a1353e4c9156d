/** @module Login: verify the password, refuse with a coded reason, upgrade the hash on success. */
import type { MailboxRecord } from '../ports/credential-store.js';
import { loginRefusal, passwordAgedOut } from './decisions.js';
import { type Runtime, refuser, reserveFlowAttempt, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { RateLimited, RotationDeps } from './types.js';

/**
 * A login attempt.
 *
 * @example
 * ```ts
 * const input: VerifyLoginInput = { account: 'alice@example.org', password: 'Fresh-Tulip-88', clientKey: '203.0.113.5' };
 * ```
 */
export interface VerifyLoginInput {
  readonly account: string;
  readonly password: string;
  /** The client (e.g. IP address) for per-client throttling. */
  readonly clientKey?: string;
}

/**
 * The outcome of {@link verifyLogin}. A must-change password, and an ordinary password that aged out
 * (`expired: true`), log in with `ok: true, mustChange: true`:
 * the app must then allow nothing but the change-password form, which needs this login to prove the
 * owner. `version` is the credential version the login verified. `sessionEpoch` is the account's
 * session epoch, read before the stored hash (`null` without `deps.sessions`): create the session
 * with it (`WebSession.epoch`), so a password change with `revoke: 'all'` or `'others'` that raced
 * this login leaves no session behind, even when the session is created after the revocation.
 *
 * @example
 * ```ts
 * if (result.ok && result.mustChange) redirect('/password');
 * ```
 */
export type VerifyLoginResult =
  | {
      readonly ok: true;
      readonly account: string;
      readonly mustChange: boolean;
      /**
       * The password aged out (past `expiresAt`, within the grace): `mustChange` is `true` too, and
       * the app should say the password expired rather than that an admin asks for a change.
       */
      readonly expired: boolean;
      readonly expiresAt: Date | null;
      readonly version: number;
      /** The account's session epoch read before the hash, for `WebSession.epoch`; `null` without `deps.sessions`. */
      readonly sessionEpoch: number | null;
      /** The stored hash was upgraded to the hasher's target. */
      readonly rehashed: boolean;
    }
  | {
      readonly ok: false;
      readonly code: 'invalid_credentials' | 'inactive' | 'password_expired';
    }
  | StorageFailure
  | RateLimited;

const dummyHashes = new WeakMap<object, Promise<string>>();

/** A hash of a random password in the hasher's target form, for timing-alike dummy verifies. */
function dummyHash(rt: Runtime): Promise<string> {
  const hasher = rt.deps.hasher;
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    const bytes = rt.random.fill(new Uint8Array(18));
    hash = hasher.hash(btoa(String.fromCharCode(...bytes)));
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/**
 * Verifies a login. An unknown account and a wrong password both give `invalid_credentials`, and an
 * unknown account still runs one verify (against a dummy hash of the target scheme) so both take
 * about as long. Every attempt is counted against the account and the client *before* the verify
 * (so a burst runs at most the limit's worth of verifications; the session epoch and the mailbox
 * are read meanwhile); a right password resets the account's count and gives the client its
 * attempt back, alongside the rest of the login. Only after the password
 * is verified does it reveal `inactive` (disabled mailbox) or `password_expired` (a temporary
 * password past `expiresAt`, or an ordinary one past `expiresAt` + `expiredPasswordGraceMs`). An
 * ordinary password past `expiresAt` within the grace logs in with `mustChange: true, expired: true`,
 * so the app shows nothing but the change form (Postfixadmin's schema keeps refusing it over IMAP:
 * Dovecot's query compares `password_expiry`).
 * When the hasher's `needsRehash` says so, the password is rehashed with the target scheme and
 * written by compare-and-set without touching `changedAt` or the history (audited as
 * `password_rehashed`; a lost race or failure leaves the old hash, which still verifies).
 *
 * @throws The hasher's coded error when the stored hash is malformed.
 *
 * @example
 * ```ts
 * const result = await verifyLogin({ ...deps, sessions }, { account, password, clientKey: ip });
 * if (!result.ok) return render(result.code);
 * // `sessionEpoch` is a number here, since `sessions` was given.
 * await sessions.create({ id, account: result.account, createdAt, expiresAt, epoch: result.sessionEpoch as number, data: {} });
 * ```
 */
export async function verifyLogin(deps: RotationDeps, input: VerifyLoginInput): Promise<VerifyLoginResult> {
  const rt = runtime(deps);
  const account = input.account.toLowerCase();
  const refuse = refuser(rt, 'login_refused', account, account);
  // The attempt is reserved while the mailbox is read (a read is no guess; the verify waits for both).
  const [attempt, read] = await Promise.all([
    reserveFlowAttempt(rt, account, input.clientKey),
    readForLogin(deps, account),
  ]);
  if (!attempt.ok) return refuse(attempt);
  if (!read.ok) {
    await attempt.release();
    return refuse(read);
  }
  const { epoch, record } = read.value;
  const matches = record
    ? await deps.hasher.verify(input.password, record.passwordHash)
    : (await deps.hasher.verify(input.password, await dummyHash(rt))) && false;
  if (!record || !matches) return refuse({ ok: false, code: 'invalid_credentials' } as const);
  // The limiter's reset runs alongside the rest of the login (it never rejects).
  const reset = attempt.succeeded();
  const outcome = await loginVerified(rt, { account, password: input.password, record }, epoch, refuse);
  await reset;
  return outcome;
}

/**
 * The account's session epoch, then its record. The epoch is read before the hash: a change that
 * commits after the hash was read revokes after this read, so its revokeAll raises the epoch above
 * the one this login's session will carry.
 */
async function readForLogin(
  deps: RotationDeps,
  account: string,
): Promise<
  | { readonly ok: true; readonly value: { epoch: number | null; record: MailboxRecord | null } }
  | StorageFailure
> {
  const epoch = await stored(async () => (deps.sessions ? deps.sessions.epoch(account) : null));
  if (!epoch.ok) return epoch;
  const got = await stored(() => deps.store.get(account));
  return got.ok ? { ok: true, value: { epoch: epoch.value, record: got.value } } : got;
}

/** The login once the password matched: expiry, a rehash when due, audit. */
async function loginVerified(
  rt: Runtime,
  login: { readonly account: string; readonly password: string; readonly record: MailboxRecord },
  sessionEpoch: number | null,
  refuse: ReturnType<typeof refuser>,
): Promise<VerifyLoginResult> {
  const { deps } = rt;
  const { account, password, record } = login;
  const now = rt.clock.now();
  const refusal = loginRefusal(record, now, deps.expiredPasswordGraceMs);
  if (refusal) return refuse({ ok: false, code: refusal } as const);
  const expired = passwordAgedOut(record, now);
  const mustChange = record.mustChange || expired;

  let version = record.version;
  let rehashed = false;
  if (deps.hasher.needsRehash(record.passwordHash)) {
    const passwordHash = await deps.hasher.hash(password);
    const written = await stored(() =>
      deps.store.setPassword({
        account,
        expectedVersion: record.version,
        passwordHash,
        changedAt: record.changedAt,
        mustChange: record.mustChange,
        expiresAt: record.expiresAt,
        historyLimit: deps.policy.historySize,
        keepHistory: true,
        pendingRevocations: [],
      }),
    );
    if (written.ok && written.value.ok) {
      version = written.value.version;
      rehashed = true;
      await rt.audit({ type: 'password_rehashed', account, actor: 'system', outcome: 'ok' });
    }
  }
  await rt.audit({
    type: 'login_succeeded',
    account,
    actor: account,
    outcome: expired ? 'expired' : mustChange ? 'must_change' : 'ok',
  });
  return {
    ok: true,
    account,
    mustChange,
    expired,
    expiresAt: record.expiresAt,
    version,
    sessionEpoch,
    rehashed,
  };
}
