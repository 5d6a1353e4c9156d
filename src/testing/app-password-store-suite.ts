/** @module Conformance suite for AppPasswordStore adapters (ours and third parties'). */
import type { AppPasswordStore, NewAppPassword } from '../ports/app-password-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { uniqueTag } from './unique.js';

/**
 * Options of {@link testAppPasswordStore}.
 *
 * @example
 * ```ts
 * const options: AppPasswordStoreSuiteOptions = { concurrency: 12, teardown: () => pool.end() };
 * testAppPasswordStore('postgres', () => postgresAppPasswordStore({ pool }), options);
 * ```
 */
export interface AppPasswordStoreSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** How many creates race for the per-account limit (default 12; the limit is a third of it). */
  readonly concurrency?: number;
  /** Runs after each test (close connections…). */
  readonly teardown?: (store: AppPasswordStore) => Promise<void> | void;
}

/** Whole seconds, as a SQL `DATETIME` keeps them. */
const T0 = new Date('2031-02-03T04:05:06.000Z');

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks every documented
 * guarantee of an {@link AppPasswordStore}: create/list round trip (never a hash), ordered by id,
 * accounts compared lower-cased, the per-account limit (sequentially, and with `concurrency` creates
 * racing for it: never more than the limit, exactly the limit when enough race), revoke scoped to
 * the id *and* the account, revokeAll and its count, and that a revoke frees a place.
 * `makeStore` is called for every test; tests use fresh random accounts.
 *
 * @param name - Shown in the suite title.
 * @param makeStore - Returns a ready store (its tables migrated).
 * @param options - Concurrency and teardown.
 *
 * @example
 * ```ts
 * import { testAppPasswordStore } from 'passrotate/testing';
 * import { memoryAppPasswordStore } from 'passrotate/adapters/memory';
 * testAppPasswordStore('memory', () => memoryAppPasswordStore());
 * ```
 */
export function testAppPasswordStore(
  name: string,
  makeStore: () => AppPasswordStore | Promise<AppPasswordStore>,
  options: AppPasswordStoreSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const concurrency = options.concurrency ?? 12;
  const withStore = fixtureScope(makeStore, options.teardown);
  const account = () => `u${uniqueTag()}@d${uniqueTag()}.test`;
  const entry = (owner: string, deviceName: string, limit = 5): NewAppPassword => ({
    account: owner,
    name: deviceName,
    passwordHash: `{PLAIN}${deviceName}-${uniqueTag()}`,
    createdAt: T0,
    limit,
  });
  const created = async (store: AppPasswordStore, e: NewAppPassword): Promise<string> => {
    const result = await store.create(e);
    expect(result.ok).toBe(true);
    return result.ok ? result.id : '';
  };

  describe(`AppPasswordStore conformance: ${name}`, () => {
    it(
      'lists what it created, by id, with the name and creation time but never a hash',
      withStore(async (store) => {
        const owner = account();
        const phone = await created(store, entry(owner, 'Phone'));
        const laptop = await created(store, entry(owner, 'Téléphone de Zoë 📱'));
        expect(typeof phone).toBe('string');
        const listed = await store.list(owner);
        expect(listed.map((r) => r.id)).toEqual([phone, laptop]);
        expect(listed.map((r) => r.name)).toEqual(['Phone', 'Téléphone de Zoë 📱']);
        for (const record of listed) {
          expect(Object.keys(record).sort()).toEqual(['account', 'createdAt', 'id', 'name']);
          expect(record.account).toBe(owner);
          if (record.createdAt !== null) expect(record.createdAt).toEqual(T0);
        }
        expect(await store.list(account())).toEqual([]);
      }),
    );

    it(
      'matches accounts case-insensitively and lists them lower-cased',
      withStore(async (store) => {
        const owner = account();
        const id = await created(store, entry(owner.toUpperCase(), 'Phone'));
        expect((await store.list(owner)).map((r) => [r.id, r.account])).toEqual([[id, owner]]);
        expect(await store.list(owner.toUpperCase())).toHaveLength(1);
        expect(await store.revoke(owner.toUpperCase(), id)).toBe(true);
        expect(await store.list(owner)).toEqual([]);
      }),
    );

    it(
      'refuses limit_reached at the limit, per account, and a revoke frees a place',
      withStore(async (store) => {
        const owner = account();
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) ids.push(await created(store, entry(owner, `D${i}`, 3)));
        expect(await store.create(entry(owner, 'D3', 3))).toEqual({ ok: false, code: 'limit_reached' });
        expect(await store.create(entry(owner, 'D3', 2))).toEqual({ ok: false, code: 'limit_reached' });
        expect((await store.create(entry(account(), 'Other', 3))).ok).toBe(true);
        expect(await store.revoke(owner, ids[1] ?? '')).toBe(true);
        expect((await store.create(entry(owner, 'D3', 3))).ok).toBe(true);
        expect((await store.list(owner)).map((r) => r.name)).toEqual(['D0', 'D2', 'D3']);
      }),
    );

    it(
      `never exceeds the limit with ${concurrency} creates racing on one account`,
      withStore(async (store) => {
        const limit = Math.max(1, Math.floor(concurrency / 3));
        // Several rounds on fresh accounts: a lost race shows up in one of them.
        for (let round = 0; round < 5; round++) {
          const owner = account();
          const results = await Promise.all(
            Array.from({ length: concurrency }, (_, i) => store.create(entry(owner, `Racer ${i}`, limit))),
          );
          expect(results.filter((r) => r.ok)).toHaveLength(limit);
          expect(results.filter((r) => !r.ok && r.code === 'limit_reached')).toHaveLength(
            concurrency - limit,
          );
          expect(await store.list(owner)).toHaveLength(limit);
          const ids = results.flatMap((r) => (r.ok ? [r.id] : []));
          expect(new Set(ids).size).toBe(limit);
        }
      }),
    );

    it(
      'keeps racing accounts independent: each gets its own limit',
      withStore(async (store) => {
        const owners = [account(), account(), account()];
        const results = await Promise.all(
          Array.from({ length: concurrency }, (_, i) => {
            const owner = owners[i % owners.length] ?? '';
            return store.create(entry(owner, `Racer ${i}`, 2));
          }),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(Math.min(concurrency, 2 * owners.length));
        for (const owner of owners) expect(await store.list(owner)).toHaveLength(2);
      }),
    );

    it(
      "revokes by id only within the account: never another account's entry, nor an unknown id",
      withStore(async (store) => {
        const [alice, bob] = [account(), account()];
        const alices = await created(store, entry(alice, 'Phone'));
        const bobs = await created(store, entry(bob, 'Phone'));
        expect(await store.revoke(alice, bobs)).toBe(false);
        expect(await store.revoke(alice, 'not-an-id')).toBe(false);
        expect(await store.revoke(alice, '')).toBe(false);
        expect(await store.revoke(alice, '99999999999')).toBe(false);
        expect((await store.list(bob)).map((r) => r.id)).toEqual([bobs]);
        expect(await store.revoke(alice, alices)).toBe(true);
        expect(await store.revoke(alice, alices)).toBe(false);
        expect(await store.list(alice)).toEqual([]);
      }),
    );

    it(
      "revokeAll deletes the account's entries only and answers how many",
      withStore(async (store) => {
        const [alice, bob] = [account(), account()];
        for (const device of ['Phone', 'Laptop', 'Tablet']) await created(store, entry(alice, device));
        await created(store, entry(bob, 'Phone'));
        expect(await store.revokeAll(alice.toUpperCase())).toBe(3);
        expect(await store.revokeAll(alice)).toBe(0);
        expect(await store.list(alice)).toEqual([]);
        expect(await store.list(bob)).toHaveLength(1);
      }),
    );

    it(
      'gives one entry to exactly one of several racing revokes',
      withStore(async (store) => {
        const owner = account();
        const id = await created(store, entry(owner, 'Phone'));
        const outcomes = await Promise.all(Array.from({ length: 6 }, () => store.revoke(owner, id)));
        expect(outcomes.filter(Boolean)).toHaveLength(1);
      }),
    );
  });
}
