/** @module Conformance suite for SessionStore adapters (ours and third parties'). */
import { sessionIdDigest } from '../ports/session-digest.js';
import type { SessionStore, WebSession } from '../ports/session-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { at, T0 } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * Options of {@link testSessionStore}.
 *
 * @example
 * ```ts
 * const options: SessionStoreSuiteOptions = { teardown: () => redis.flushdb() };
 * testSessionStore('redis', () => redisSessionStore({ client: redis }), options);
 * ```
 */
export interface SessionStoreSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Runs after each test (close connections, flush keys…). */
  readonly teardown?: (store: SessionStore) => Promise<void> | void;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks every documented guarantee of a {@link SessionStore}:
 * round trip, expiry at `expiresAt <= now`, single revocation, `revokeAll` with `exceptDigest` and
 * its count, case-insensitive accounts, epochs (a session whose epoch was read before a racing
 * `revokeAll` is never returned afterwards, with many concurrent callers), and that sessions
 * opened after a `revokeAll` survive.
 * `makeStore` is called for every test; tests use fresh random ids and accounts.
 *
 * @param name - Shown in the suite title.
 * @param makeStore - Returns a ready store.
 * @param options - Teardown.
 *
 * @example
 * ```ts
 * import { testSessionStore } from 'passrotate/testing';
 * import { memorySessionStore } from 'passrotate/adapters/memory';
 * testSessionStore('memory', () => memorySessionStore());
 * ```
 */
export function testSessionStore(
  name: string,
  makeStore: () => SessionStore | Promise<SessionStore>,
  options: SessionStoreSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const withStore = fixtureScope(makeStore, options.teardown);
  const session = (account: string, overrides: Partial<WebSession> = {}): WebSession => ({
    id: `s${uniqueTag()}${uniqueTag()}`,
    account,
    createdAt: T0,
    expiresAt: at(60),
    epoch: 0,
    data: {},
    ...overrides,
  });
  const newAccount = () => `u${uniqueTag()}@d${uniqueTag()}.test`;
  const alive = async (store: SessionStore, sessions: readonly WebSession[], now = at(1)) =>
    (await Promise.all(sessions.map((s) => store.get(s.id, now)))).map((s) => s !== null);

  describe(`SessionStore conformance: ${name}`, () => {
    it(
      'returns a created session with its data',
      withStore(async (store) => {
        const s = session(newAccount(), { data: { csrf: 'token-1', app: 'webmail' } });
        await store.create(s);
        const got = await store.get(s.id, at(1));
        expect(got).toMatchObject({ id: s.id, createdAt: T0, expiresAt: at(60), data: s.data });
        expect(got?.account.toLowerCase()).toBe(s.account);
      }),
    );

    it(
      'returns null for an unknown id',
      withStore(async (store) => {
        expect(await store.get(`missing${uniqueTag()}`, at(1))).toBeNull();
      }),
    );

    it(
      'never returns an expired session (expiresAt <= now)',
      withStore(async (store) => {
        const s = session(newAccount());
        await store.create(s);
        expect(await store.get(s.id, new Date(at(60).getTime() - 1))).not.toBeNull();
        expect(await store.get(s.id, at(60))).toBeNull();
        expect(await store.get(s.id, at(61))).toBeNull();
      }),
    );

    it(
      'revokes one session, idempotently',
      withStore(async (store) => {
        const account = newAccount();
        const [a, b] = [session(account), session(account)];
        await store.create(a);
        await store.create(b);
        await store.revoke(a.id);
        await store.revoke(a.id);
        await store.revoke(`missing${uniqueTag()}`);
        expect(await alive(store, [a, b])).toEqual([false, true]);
      }),
    );

    it(
      'revokes every session of an account and counts them, leaving other accounts alone',
      withStore(async (store) => {
        const [alice, bob] = [newAccount(), newAccount()];
        const sessions = [session(alice), session(alice), session(alice), session(bob)];
        for (const s of sessions) await store.create(s);
        expect(await store.revokeAll(alice)).toBe(3);
        expect(await alive(store, sessions)).toEqual([false, false, false, true]);
        expect(await store.revokeAll(alice)).toBe(0);
      }),
    );

    it(
      'keeps exceptDigest (log out other devices)',
      withStore(async (store) => {
        const account = newAccount();
        const sessions = [session(account), session(account), session(account)];
        for (const s of sessions) await store.create(s);
        const keep = await sessionIdDigest(sessions[1]?.id ?? '');
        expect(await store.revokeAll(account, { exceptDigest: keep })).toBe(2);
        expect(await alive(store, sessions)).toEqual([false, true, false]);
        expect(await store.revokeAll(account, { exceptDigest: keep })).toBe(0);
        expect(await alive(store, sessions)).toEqual([false, true, false]);
        expect(await store.revokeAll(account, { exceptDigest: null })).toBe(1);
        expect(await alive(store, sessions)).toEqual([false, false, false]);
      }),
    );

    it(
      'matches accounts case-insensitively',
      withStore(async (store) => {
        const account = newAccount();
        const mixed = account.replace(/^u/, 'U').replace('@d', '@D');
        const sessions = [session(account), session(mixed)];
        for (const s of sessions) await store.create(s);
        expect(await store.revokeAll(account.toUpperCase())).toBe(2);
        expect(await alive(store, sessions)).toEqual([false, false]);
      }),
    );

    it(
      'lets a session opened with the epoch read after revokeAll survive',
      withStore(async (store) => {
        const account = newAccount();
        await store.create(session(account));
        await store.revokeAll(account);
        const later = session(account, { epoch: await store.epoch(account) });
        await store.create(later);
        expect(await alive(store, [later])).toEqual([true]);
      }),
    );

    it(
      'counts epochs per account from 0, one more per revokeAll, case-insensitively',
      withStore(async (store) => {
        const [alice, bob] = [newAccount(), newAccount()];
        expect(await store.epoch(alice)).toBe(0);
        await store.revokeAll(alice);
        await store.revokeAll(alice.toUpperCase());
        expect(await store.epoch(alice)).toBe(2);
        expect(await store.epoch(alice.toUpperCase())).toBe(2);
        expect(await store.epoch(bob)).toBe(0);
      }),
    );

    it(
      'refuses a session created after revokeAll with an epoch read before it',
      withStore(async (store) => {
        const [alice, bob] = [newAccount(), newAccount()];
        const epoch = await store.epoch(alice);
        await store.revokeAll(alice);
        const stale = session(alice, { epoch });
        const fresh = session(alice, { epoch: await store.epoch(alice) });
        const other = session(bob, { epoch: await store.epoch(bob) });
        for (const s of [stale, fresh, other]) await store.create(s);
        expect(await alive(store, [stale, fresh, other])).toEqual([false, true, true]);
      }),
    );

    it(
      'moves the kept session to the new epoch, but never revives a stale one',
      withStore(async (store) => {
        const account = newAccount();
        const kept = session(account);
        await store.create(kept);
        await store.revokeAll(account, { exceptDigest: await sessionIdDigest(kept.id) });
        await store.revokeAll(account, { exceptDigest: await sessionIdDigest(kept.id) });
        expect(await alive(store, [kept])).toEqual([true]);
        // Opened from an epoch read before the last revokeAll: already dead, and keeping it does not revive it.
        const stale = session(account, { epoch: (await store.epoch(account)) - 1 });
        await store.create(stale);
        await store.revokeAll(account, { exceptDigest: await sessionIdDigest(stale.id) });
        expect(await alive(store, [kept, stale])).toEqual([false, false]);
      }),
    );

    it(
      'never returns a session whose epoch was read before a racing revokeAll (many callers)',
      withStore(async (store) => {
        const account = newAccount();
        const keeper = session(account, { epoch: await store.epoch(account) });
        await store.create(keeper);
        const keep = await sessionIdDigest(keeper.id);
        // 20 logins read the epoch before revokeAll starts; half of them open their session while
        // it runs, half only after it returned.
        const earlyEpochs = await Promise.all(Array.from({ length: 20 }, () => store.epoch(account)));
        let revokeReturned = false;
        const revoking = Promise.all([
          store.revokeAll(account, { exceptDigest: keep }),
          store.revokeAll(account, { exceptDigest: keep }),
        ]).then(() => {
          revokeReturned = true;
        });
        const early = earlyEpochs.map(async (epoch, i) => {
          if (i % 2 === 0) await revoking;
          else await pause(i % 4);
          const s = session(account, { epoch });
          await store.create(s);
          return s;
        });
        // 20 more race their epoch read against revokeAll; those that read after it returned live.
        const late = Array.from({ length: 20 }, async (_, i) => {
          await pause(i % 6);
          const readAfter = revokeReturned;
          const s = session(account, { epoch: await store.epoch(account) });
          await store.create(s);
          return { s, readAfter };
        });
        await revoking;
        const before = await Promise.all(early);
        const after = (await Promise.all(late)).filter((l) => l.readAfter).map((l) => l.s);
        expect((await alive(store, before)).filter(Boolean)).toEqual([]);
        expect(await alive(store, after)).toEqual(after.map(() => true));
        expect(await alive(store, [keeper])).toEqual([true]);
      }),
    );

    it(
      'revokes every concurrent session of an account',
      withStore(async (store) => {
        const account = newAccount();
        const sessions = Array.from({ length: 20 }, () => session(account));
        await Promise.all(sessions.map((s) => store.create(s)));
        const [first, second] = await Promise.all([store.revokeAll(account), store.revokeAll(account)]);
        expect(first + second).toBe(20);
        expect((await alive(store, sessions)).some(Boolean)).toBe(false);
      }),
    );
  });
}
