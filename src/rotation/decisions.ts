/** @module Pure decisions of the rotation flows: no ports, no I/O, no time of their own. */
import type { MailboxRecord, PendingRevocation } from '../ports/credential-store.js';
import type { SessionRevoker } from '../ports/session-revoker.js';
import type { Actor, RevocationMode } from './types.js';

/**
 * The domain part of a full address, lower-cased, or `null` when `account` has no `@`.
 *
 * @example
 * ```ts
 * domainOf('Alice@Example.org'); // 'example.org'
 * ```
 */
export function domainOf(account: string): string | null {
  const at = account.lastIndexOf('@');
  return at > 0 && at < account.length - 1 ? account.slice(at + 1).toLowerCase() : null;
}

/**
 * `true` when `actor` may manage mailboxes of `domain`.
 *
 * @example
 * ```ts
 * mayManage({ name: 'ops', domains: ['example.org'] }, 'EXAMPLE.org'); // true
 * ```
 */
export function mayManage(actor: Actor, domain: string): boolean {
  const wanted = domain.toLowerCase();
  return actor.superadmin === true || actor.domains.some((d) => d.toLowerCase() === wanted);
}

/**
 * Why a correctly verified password still may not log in, or `null` when it may: a disabled
 * mailbox (`inactive`), a temporary password past its expiry, or an ordinary password that aged
 * out more than `graceMs` ago (`password_expired`). An ordinary password within the grace (default:
 * no limit) logs in to be changed: see {@link passwordAgedOut}.
 *
 * @example
 * ```ts
 * loginRefusal(record, new Date()); // null | 'inactive' | 'password_expired'
 * ```
 */
export function loginRefusal(
  record: MailboxRecord,
  now: Date,
  graceMs: number = Number.POSITIVE_INFINITY,
): 'inactive' | 'password_expired' | null {
  if (!record.active) return 'inactive';
  if (temporaryPasswordDead(record, now) || agedOutBeyondGrace(record, now, graceMs))
    return 'password_expired';
  return null;
}

/**
 * `true` when an ordinary (not must-change) password is past its `expiresAt`: it still signs in on
 * the web, but only to be changed (`verifyLogin` answers `mustChange: true, expired: true`).
 *
 * @example
 * ```ts
 * passwordAgedOut({ ...record, mustChange: false, expiresAt: new Date(0) }, new Date()); // true
 * ```
 */
export function passwordAgedOut(record: MailboxRecord, now: Date): boolean {
  return !record.mustChange && record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime();
}

/**
 * `true` when an aged-out password expired more than `graceMs` ago: then not even its owner may
 * use it to choose a new one.
 *
 * @example
 * ```ts
 * agedOutBeyondGrace(record, new Date(), 7 * 86_400_000);
 * ```
 */
export function agedOutBeyondGrace(record: MailboxRecord, now: Date, graceMs: number): boolean {
  return passwordAgedOut(record, now) && (record.expiresAt as Date).getTime() + graceMs <= now.getTime();
}

/**
 * `true` when a temporary password (must-change) has passed its expiry: it may no longer be used,
 * not even to choose a new one (OWASP ASVS 5.0 §6.4.1). An ordinary expired password can still be
 * changed by its owner.
 *
 * @example
 * ```ts
 * temporaryPasswordDead(record, new Date()); // true once a must-change password's expiry passed
 * ```
 */
export function temporaryPasswordDead(record: MailboxRecord, now: Date): boolean {
  return record.mustChange && record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime();
}

/**
 * The revokers a change runs: all of them for `all`/`others`, only `alwaysRun` ones for `none`.
 *
 * @example
 * ```ts
 * selectRevokers([web, flush], 'none'); // [flush] when flush.alwaysRun
 * ```
 */
export function selectRevokers(revokers: readonly SessionRevoker[], mode: RevocationMode): SessionRevoker[] {
  return revokers.filter((r) => mode !== 'none' || r.alwaysRun === true);
}

/**
 * The outbox rows written with a change: one per revoker, first due after `leaseMs` (the flow runs
 * them at once; a crashed process leaves them for `resumePendingRevocations`).
 *
 * @example
 * ```ts
 * outboxRows({ account, revokers, keepSessionDigest: null, now, leaseMs: 30_000, newId: () => id() });
 * ```
 */
export function outboxRows(plan: {
  readonly account: string;
  readonly revokers: readonly SessionRevoker[];
  readonly keepSessionDigest: string | null;
  readonly now: Date;
  readonly leaseMs: number;
  readonly newId: () => string;
}): PendingRevocation[] {
  const due = new Date(plan.now.getTime() + plan.leaseMs);
  return plan.revokers.map((r) => ({
    id: plan.newId(),
    account: plan.account,
    revoker: r.name,
    keepSessionDigest: plan.keepSessionDigest,
    createdAt: plan.now,
    attempts: 0,
    nextAttemptAt: due,
    lastError: null,
  }));
}

/**
 * Delay before retrying a revocation that failed `attempts` times (≥ 1): exponential from `baseMs`,
 * capped at `maxMs`.
 *
 * @example
 * ```ts
 * retryDelayMs(3, 30_000, 3_600_000); // 120_000
 * ```
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

/**
 * A safe code for a caught error: its `code` when that looks like an identifier, else `fallback`.
 * Never a message, which could hold a secret.
 *
 * @example
 * ```ts
 * errorCode(Object.assign(new Error('…'), { code: 'ENOENT' }), 'revoker_failed'); // 'ENOENT'
 * ```
 */
export function errorCode(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code) ? code : fallback;
}

/**
 * The longest a password may be used before it must be changed: `days` for every domain, or the
 * `domains` entry for a domain that has one (0 there means "never expires"). Lengths in whole days,
 * as Postfixadmin's `domain.password_expiry`.
 *
 * @example
 * ```ts
 * const maxAge: PasswordMaxAge = { days: 365, domains: { 'staff.example.org': 90, 'lists.example.org': 0 } };
 * ```
 */
export interface PasswordMaxAge {
  /** Days a password lives when its domain has no entry; 0 = never expires. */
  readonly days: number;
  /** Per-domain days (lower-case domain names), overriding `days`. */
  readonly domains?: Readonly<Record<string, number>>;
}

const DAY_MS = 86_400_000;

/**
 * When a password set at `changedAt` for a mailbox of `domain` ages out under `maxAge`, or `null`
 * when it never does (no `maxAge`, or 0 days).
 *
 * @throws RangeError when a day count is not a non-negative integer.
 * @example
 * ```ts
 * maxAgeExpiry({ days: 90 }, 'example.org', new Date('2030-01-01Z')); // 2030-04-01
 * ```
 */
export function maxAgeExpiry(
  maxAge: PasswordMaxAge | undefined,
  domain: string,
  changedAt: Date,
): Date | null {
  if (maxAge === undefined) return null;
  const own = maxAge.domains?.[domain.toLowerCase()];
  const days = own ?? maxAge.days;
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`passwordMaxAge: days must be a non-negative integer, got ${days}`);
  }
  return days === 0 ? null : new Date(changedAt.getTime() + days * DAY_MS);
}

/**
 * Expiries at or after this instant mean "never": Postfixadmin's schema writes 9999-12-31 for a
 * password without expiry, because its column cannot be NULL.
 */
const NEVER_EXPIRES_FROM = Date.UTC(9999, 0, 1);

/**
 * Which reminder a mailbox is due now: the smallest threshold (in days) that `expiresAt - now` has
 * reached, or `null` when none has, the password already expired, or it never expires
 * (Postfixadmin's 9999-12-31). Only the nearest threshold is due, so a run that was skipped does
 * not send the earlier reminders in a burst.
 *
 * @example
 * ```ts
 * dueReminderDays(new Date('2030-01-10Z'), new Date('2030-01-08Z'), [14, 3, 1]); // 3
 * ```
 */
export function dueReminderDays(expiresAt: Date, now: Date, thresholds: readonly number[]): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0 || expiresAt.getTime() >= NEVER_EXPIRES_FROM) return null;
  const reached = thresholds.filter((days) => left <= days * DAY_MS);
  return reached.length === 0 ? null : Math.min(...reached);
}
