import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MailboxRecord } from '../../src/index.js';
import {
  domainOf,
  errorCode,
  loginRefusal,
  mayManage,
  outboxRows,
  retryDelayMs,
  selectRevokers,
  temporaryPasswordDead,
} from '../../src/rotation/decisions.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const record = (overrides: Partial<MailboxRecord> = {}): MailboxRecord => ({
  account: 'alice@example.org',
  domain: 'example.org',
  displayName: null,
  passwordHash: 'h',
  version: 1,
  changedAt: NOW,
  mustChange: false,
  expiresAt: null,
  active: true,
  previousHashes: [],
  ...overrides,
});

describe('rotation decisions', () => {
  it('splits the domain off an address', () => {
    expect([
      domainOf('A@Example.ORG'),
      domainOf('a@b@c.test'),
      domainOf('nope'),
      domainOf('@x'),
      domainOf('x@'),
    ]).toEqual(['example.org', 'c.test', null, null, null]);
  });

  it('grants rights by domain, case-insensitively, or to a superadmin', () => {
    expect(mayManage({ name: 'a', domains: ['Example.org'] }, 'example.ORG')).toBe(true);
    expect(mayManage({ name: 'a', domains: ['example.org'] }, 'sub.example.org')).toBe(false);
    expect(mayManage({ name: 'a', domains: [], superadmin: true }, 'any.test')).toBe(true);
    expect(mayManage({ name: 'a', domains: [], superadmin: false }, 'any.test')).toBe(false);
  });

  it('refuses a disabled mailbox first, then an expired temporary password or one aged out beyond the grace', () => {
    const past = new Date(NOW.getTime() - 1);
    expect(loginRefusal(record(), NOW)).toBeNull();
    expect(loginRefusal(record({ expiresAt: new Date(NOW.getTime() + 1) }), NOW)).toBeNull();
    expect(loginRefusal(record({ expiresAt: NOW }), NOW)).toBeNull();
    expect(loginRefusal(record({ expiresAt: NOW, mustChange: true }), NOW)).toBe('password_expired');
    expect(loginRefusal(record({ expiresAt: past }), NOW, NOW.getTime() - past.getTime())).toBe(
      'password_expired',
    );
    expect(loginRefusal(record({ expiresAt: past }), NOW, NOW.getTime() - past.getTime() + 1)).toBeNull();
    expect(loginRefusal(record({ expiresAt: past, active: false }), NOW)).toBe('inactive');
  });

  it('kills only a must-change password past its expiry', () => {
    expect(temporaryPasswordDead(record({ mustChange: true, expiresAt: NOW }), NOW)).toBe(true);
    expect(temporaryPasswordDead(record({ mustChange: false, expiresAt: NOW }), NOW)).toBe(false);
    expect(temporaryPasswordDead(record({ mustChange: true, expiresAt: null }), NOW)).toBe(false);
  });

  it('selects every revoker, or only alwaysRun ones for none', () => {
    const web = { name: 'web', revoke: async () => {} };
    const flush = { name: 'flush', alwaysRun: true, revoke: async () => {} };
    expect(selectRevokers([web, flush], 'all')).toEqual([web, flush]);
    expect(selectRevokers([web, flush], 'others')).toEqual([web, flush]);
    expect(selectRevokers([web, flush], 'none')).toEqual([flush]);
  });

  it('plans one outbox row per revoker, due after the lease', () => {
    let n = 0;
    const rows = outboxRows({
      account: 'a@b.c',
      revokers: [
        { name: 'x', revoke: async () => {} },
        { name: 'y', revoke: async () => {} },
      ],
      keepSessionDigest: 'keep',
      now: NOW,
      leaseMs: 5000,
      newId: () => `id${n++}`,
    });
    expect(rows).toEqual(
      ['x', 'y'].map((revoker, i) => ({
        id: `id${i}`,
        account: 'a@b.c',
        revoker,
        keepSessionDigest: 'keep',
        createdAt: NOW,
        attempts: 0,
        nextAttemptAt: new Date(NOW.getTime() + 5000),
        lastError: null,
      })),
    );
  });

  it('backs off exponentially between base and cap', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 5000))).toEqual([1000, 2000, 4000, 5000]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e8 }),
        (a, base, cap) => {
          const d = retryDelayMs(a, base, cap);
          expect(d).toBeLessThanOrEqual(cap);
          expect(d).toBeGreaterThanOrEqual(Math.min(base, cap));
          expect(retryDelayMs(a + 1, base, cap)).toBeGreaterThanOrEqual(d);
        },
      ),
    );
  });

  it('keeps only identifier-like error codes, never messages', () => {
    expect(errorCode(Object.assign(new Error('pw=hunter2'), { code: 'ENOENT' }), 'f')).toBe('ENOENT');
    expect(errorCode(Object.assign(new Error('x'), { code: 'has spaces hunter2' }), 'f')).toBe('f');
    expect(errorCode(new Error('secret'), 'f')).toBe('f');
    expect(errorCode(null, 'f')).toBe('f');
    expect(errorCode('string', 'f')).toBe('f');
  });
});
