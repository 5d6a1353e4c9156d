/** @module Conformance suite for SessionStore adapters (ours and third parties'). */
import { describe, expect, it } from 'vitest';
import type { SessionStore, WebSession } from '../ports/session-store.js';
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
  /** Runs after each test (close connections, flush keys…). */
  readonly teardown?: (store: SessionStore) => Promise<void> | void;
}

const T0 = new Date('2031-02-03T04:05:06.789Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/**
 * Registers a vitest suite that checks every documented guarantee of a {@link SessionStore}:
 * round trip, expiry at `expiresAt <= now`, single revocation, `revokeAll` with `exceptId` and its
 * count, case-insensitive accounts, and that sessions created after a `revokeAll` survive.
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
  const withStore = (fn: (store: SessionStore) => Promise<void>) => async () => {
    const store = await makeStore();
    try {
      await fn(store);
    } finally {
      await options.teardown?.(store);
    }
  };
  const session = (account: string, overrides: Partial<WebSession> = {}): WebSession => ({
    id: `s${uniqueTag()}${uniqueTag()}`,
    account,
    createdAt: T0,
    expiresAt: at(60),
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
      'keeps exceptId (log out other devices)',
      withStore(async (store) => {
        const account = newAccount();
        const sessions = [session(account), session(account), session(account)];
        for (const s of sessions) await store.create(s);
        expect(await store.revokeAll(account, { exceptId: sessions[1]?.id ?? null })).toBe(2);
        expect(await alive(store, sessions)).toEqual([false, true, false]);
        expect(await store.revokeAll(account, { exceptId: null })).toBe(1);
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
      'lets a session created after revokeAll survive',
      withStore(async (store) => {
        const account = newAccount();
        await store.create(session(account));
        await store.revokeAll(account);
        const later = session(account);
        await store.create(later);
        expect(await alive(store, [later])).toEqual([true]);
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
