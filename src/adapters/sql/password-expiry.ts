/** @module The mailbox's `password_expiry` and `modified` as Postfixadmin writes them, shared by the SQL adapters. */
import type { PasswordWrite } from '../../ports/index.js';

const DAY_MS = 86_400_000;

/**
 * The expiry written when neither the domain nor the write sets one: far enough to never pass,
 * and inside every SQL engine's DATETIME range (MySQL stops at 9999-12-31 23:59:59).
 *
 * @example
 * ```ts
 * mailboxPasswordExpiry({ changedAt: new Date(), expiresAt: null }, 0); // NO_PASSWORD_EXPIRY
 * ```
 */
export const NO_PASSWORD_EXPIRY: Date = new Date('9999-12-31T00:00:00Z');

/**
 * The mailbox's password expiry after a password change, as Postfixadmin's MailboxHandler and
 * Login write it: the change time plus the domain's `password_expiry` days, or
 * {@link NO_PASSWORD_EXPIRY} when the domain has none (0, missing); a temporary password's own
 * `expiresAt` wins when it is earlier. Never `null`: Postfixadmin declares the column NOT NULL and
 * its Dovecot query compares it with now().
 *
 * @example
 * ```ts
 * mailboxPasswordExpiry({ changedAt: new Date('2030-01-01Z'), expiresAt: null }, 365); // 2031-01-01
 * ```
 */
export function mailboxPasswordExpiry(
  write: { readonly changedAt: Date; readonly expiresAt: Date | null | undefined },
  domainDays: number | null,
): Date {
  const days = Number(domainDays ?? 0);
  const byDomain = days > 0 ? new Date(write.changedAt.getTime() + days * DAY_MS) : NO_PASSWORD_EXPIRY;
  const own = write.expiresAt ?? null;
  return own !== null && own.getTime() < byDomain.getTime() ? own : byDomain;
}

/**
 * What a password write puts into the mailbox row besides the hash. A change sets `modified` to its
 * instant and recomputes `password_expiry`; a write that keeps the password (`keepHistory`: a
 * rehash on login, a flags-only expiry) sets `modified` to `now`, the time the row was touched,
 * and leaves `password_expiry` alone (`null` here means "do not write it").
 *
 * @example
 * ```ts
 * const { modified, expiry } = mailboxWriteTimes(write, domainDays, new Date());
 * ```
 */
export function mailboxWriteTimes(
  write: PasswordWrite,
  domainDays: number | null,
  now: Date,
): { readonly modified: Date; readonly expiry: Date | null } {
  if (write.keepHistory === true) return { modified: now, expiry: null };
  return { modified: write.changedAt, expiry: mailboxPasswordExpiry(write, domainDays) };
}

/**
 * Parses a DATETIME as the SQL drivers return it (a `Date`, epoch milliseconds, or text such as
 * Postfixadmin's SQLite `2026-01-31 12:00:00` and its `2000-01-01` default, read as UTC).
 *
 * @example
 * ```ts
 * parseSqlTime('2000-01-01'); // 2000-01-01T00:00:00.000Z
 * ```
 */
export function parseSqlTime(value: Date | number | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return new Date(value);
  const trimmed = value.trim();
  const text = /^\d{4}-\d\d-\d\d$/.test(trimmed) ? `${trimmed}T00:00:00` : trimmed.replace(' ', 'T');
  const zoned = /[zZ]|[+-]\d\d(:?\d\d)?$/.test(text.slice(10)) ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}
