import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  manualClock,
  memoryAttemptLimiter,
  memoryCredentialStore,
  memoryNotifier,
  memoryRecoveryAddresses,
  memoryResetTokenStore,
} from '../../src/adapters/memory/index.js';
import {
  completePasswordReset,
  definePolicy,
  type PasswordNotification,
  type ResetTokenStore,
  type RotationDeps,
  requestPasswordReset,
  resetTokenDigest,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';
import { seededSource } from '../support/seeded-source.js';

const T0 = new Date('2026-03-01T12:00:00Z');
const ACCOUNTS = ['a@example.org', 'b@example.org', 'c@example.org'];
const UNKNOWN = ['x@example.org', 'y@example.org', 'z@example.org'];
const policy = definePolicy({ minLength: 10, historySize: 0 });
const url = (token: string) => `https://mail.example.org/reset/${token}`;
const tokenOf = (n: PasswordNotification) => (n.kind === 'password_reset_requested' ? n.url.slice(-64) : '');

async function world(
  options: { seed?: number; resetTokens?: ResetTokenStore; deps?: Partial<RotationDeps> } = {},
) {
  const clock = manualClock(T0);
  const store = memoryCredentialStore({ clock });
  const hasher = cheapHasher(1);
  for (const account of ACCOUNTS)
    await store.createMailbox({ account, passwordHash: await hasher.hash('Initial-Pass-1') });
  const notifier = memoryNotifier();
  const resetTokens = options.resetTokens ?? memoryResetTokenStore();
  const deps: RotationDeps = {
    store,
    hasher,
    policy,
    notifier,
    clock,
    resetTokens,
    random: seededSource(options.seed ?? 1),
    recoveryAddresses: memoryRecoveryAddresses(Object.fromEntries(ACCOUNTS.map((a) => [a, `home+${a}`]))),
    ...options.deps,
  };
  const request = async (account: string, clientKey?: string) => {
    const result = await requestPasswordReset(deps, {
      account,
      resetUrl: url,
      ...(clientKey ? { clientKey } : {}),
    });
    if (result.ok) await result.delivery;
    return result;
  };
  return { clock, store, notifier, resetTokens, deps, request };
}

describe('password reset properties', () => {
  it('never stores a token in plain: every row is the SHA-256 of a mailed token and holds no token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...ACCOUNTS, ...UNKNOWN), { maxLength: 12 }),
        fc.nat(),
        async (accounts, seed) => {
          const resetTokens = memoryResetTokenStore();
          const w = await world({ seed, resetTokens });
          for (const account of accounts) await w.request(account);
          const tokens = w.notifier.sent.map(tokenOf);
          expect(tokens).toHaveLength(accounts.filter((a) => ACCOUNTS.includes(a)).length);
          const stored = JSON.stringify(resetTokens.rows());
          for (const token of tokens) expect(stored).not.toContain(token);
          const digests = await Promise.all(tokens.map((t) => resetTokenDigest(t)));
          expect(
            resetTokens
              .rows()
              .map((r) => r.digest)
              .sort(),
          ).toEqual([...digests].sort());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lets exactly one of any number of submissions of one link through, under any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), async (s, racers) => {
        const inner = memoryResetTokenStore();
        const scheduled: ResetTokenStore = {
          save: (t) => inner.save(t),
          find: s.scheduleFunction((d: string, now: Date) => inner.find(d, now)),
          consume: s.scheduleFunction((d: string, now: Date) => inner.consume(d, now)),
          deleteAll: s.scheduleFunction((a: string) => inner.deleteAll(a)),
          purgeExpired: (now) => inner.purgeExpired(now),
        };
        const w = await world({ resetTokens: scheduled });
        await w.request('a@example.org');
        const token = tokenOf(w.notifier.sent[0] as PasswordNotification);
        const passwords = Array.from({ length: racers }, (_, i) => `Racer-Number-${i}`);
        const running = Promise.all(
          passwords.map((p) => completePasswordReset(w.deps, { token, newPassword: p, confirmation: p })),
        );
        const results = await s.waitFor(running);
        const winners = results.flatMap((r, i) => (r.ok ? [passwords[i] as string] : []));
        expect(winners).toHaveLength(1);
        for (const r of results) if (!r.ok) expect(r.code).toBe('invalid_token');
        const record = await w.store.get('a@example.org');
        expect(await cheapHasher(1).verify(winners[0] as string, record?.passwordHash ?? '')).toBe(true);
        expect(inner.rows()).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('accepts a link exactly while less than its lifetime has passed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 86_400_000 }),
        fc.integer({ min: -2, max: 2 }),
        fc.nat({ max: 100 }),
        async (ttl, edge, far) => {
          const w = await world({ deps: { resetTokenTtlMs: ttl } });
          await w.request('b@example.org');
          const token = tokenOf(w.notifier.sent[0] as PasswordNotification);
          const elapsed = Math.max(0, ttl + edge + (edge === 0 ? 0 : Math.sign(edge) * far));
          w.clock.advance(elapsed);
          const result = await completePasswordReset(w.deps, {
            token,
            newPassword: 'Brand-New-Pass-2',
            confirmation: 'Brand-New-Pass-2',
          });
          expect(result.ok).toBe(elapsed < ttl);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('mails an account at most L times per window, and answers every client by its own count alone', async () => {
    const L = 3;
    const LC = 4;
    const W = 60_000;
    const step = fc.record({
      account: fc.constantFrom(...ACCOUNTS, ...UNKNOWN),
      client: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'),
      wait: fc.oneof(
        { arbitrary: fc.constant(0), weight: 3 },
        { arbitrary: fc.integer({ min: 0, max: W / 4 }), weight: 3 },
        { arbitrary: fc.integer({ min: 0, max: 2 * W }), weight: 1 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const run = async (swap: (account: string) => string) => {
          const clock = manualClock(T0);
          const w = await world({
            deps: {
              clock,
              resetLimiters: {
                account: memoryAttemptLimiter({ limit: L, windowMs: W, clock }),
                client: memoryAttemptLimiter({ limit: LC, windowMs: W, clock }),
              },
            },
          });
          const answers: string[] = [];
          const mails: { account: string; at: number }[] = [];
          for (const { account, client, wait } of steps) {
            clock.advance(wait);
            const before = w.notifier.sent.length;
            const result = await w.request(swap(account), client);
            answers.push(result.ok ? 'ok' : result.code);
            for (const n of w.notifier.sent.slice(before))
              mails.push({ account: n.account, at: clock.now().getTime() });
          }
          return { answers, mails };
        };
        const real = await run((a) => a);
        // The same clients asking for accounts that do not exist get the very same answers.
        const ghost = await run((a) => UNKNOWN[ACCOUNTS.indexOf(a)] ?? a);
        expect(ghost.answers).toEqual(real.answers);
        expect(ghost.mails).toEqual([]);
        // Fixed windows: one opens at an account's first counted request once the last one ended.
        for (const account of ACCOUNTS) {
          let windowEnd = -1;
          let inWindow = 0;
          for (const { at } of real.mails.filter((m) => m.account === account)) {
            if (at >= windowEnd) {
              windowEnd = at + W;
              inWindow = 0;
            }
            inWindow += 1;
            expect(inWindow).toBeLessThanOrEqual(L);
          }
        }
        // Any span of W milliseconds touches at most two windows.
        for (const account of ACCOUNTS) {
          const times = real.mails.filter((m) => m.account === account).map((m) => m.at);
          for (const t of times)
            expect(times.filter((u) => u >= t && u < t + W).length).toBeLessThanOrEqual(2 * L);
        }
      }),
      { numRuns: 80 },
    );
  });
});
