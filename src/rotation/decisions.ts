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
 * mailbox (`inactive`), or a password past its `expiresAt` (`password_expired`).
 *
 * @example
 * ```ts
 * loginRefusal(record, new Date()); // null | 'inactive' | 'password_expired'
 * ```
 */
export function loginRefusal(record: MailboxRecord, now: Date): 'inactive' | 'password_expired' | null {
  if (!record.active) return 'inactive';
  if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return 'password_expired';
  return null;
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
