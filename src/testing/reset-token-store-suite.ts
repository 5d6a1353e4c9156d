/** @module Conformance suite for ResetTokenStore adapters (ours and third parties'). */
import { resetTokenDigest } from '../ports/reset-token-digest.js';
import type { ResetTokenRecord, ResetTokenStore } from '../ports/reset-token-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { T0 } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * Options of {@link testResetTokenStore}.
 *
 * @example
 * ```ts
 * const options: ResetTokenStoreSuiteOptions = { concurrency: 16 };
 * testResetTokenStore('mysql', () => mysqlResetTokenStore({ pool }), options);
 * ```
 */
export interface ResetTokenStoreSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Racing callers in the single-use test. Default 20. */
  readonly concurrency?: number;
  /** Runs after each test. */
  readonly teardown?: (store: ResetTokenStore) => Promise<void> | void;
}

const at = (ms: number): Date => new Date(T0.getTime() + ms);

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks every documented
 * guarantee of a {@link ResetTokenStore}: round trip of a saved record (millisecond dates,
 * lower-cased account), `find` without consuming, liveness exactly while `now < expiresAt`,
 * single use (of many racing `consume` calls on one digest exactly one gets the record), unknown
 * digests, `deleteAll` per account (case-insensitive) and `purgeExpired` with its counts. Digests
 * and accounts are random per test.
 *
 * @param name - Shown in the suite title.
 * @param makeStore - Returns a ready store (tables migrated).
 * @param options - Concurrency and teardown.
 *
 * @example
 * ```ts
 * import { testResetTokenStore } from 'passrotate/testing';
 * import { memoryResetTokenStore } from 'passrotate/adapters/memory';
 * testResetTokenStore('memory', () => memoryResetTokenStore());
 * ```
 */
export function testResetTokenStore(
  name: string,
  makeStore: () => ResetTokenStore | Promise<ResetTokenStore>,
  options: ResetTokenStoreSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const concurrency = options.concurrency ?? 20;
  const withStore = fixtureScope(makeStore, options.teardown);
  const account = () => `u${uniqueTag()}@d${uniqueTag()}.test`;
  const token = async (owner: string, lifetimeMs = 60_000, issuedAt = T0): Promise<ResetTokenRecord> => ({
    digest: await resetTokenDigest(`token-${uniqueTag()}-${uniqueTag()}`),
    account: owner,
    version: 7,
    createdAt: issuedAt,
    expiresAt: new Date(issuedAt.getTime() + lifetimeMs),
  });

  describe(`ResetTokenStore conformance: ${name}`, () => {
    it(
      'finds a saved token by its digest with every field, without consuming it',
      withStore(async (store) => {
        const saved = await token(account());
        await store.save(saved);
        expect(await store.find(saved.digest, T0)).toEqual(saved);
        expect(await store.find(saved.digest, T0)).toEqual(saved);
        expect(await store.consume(saved.digest, T0)).toEqual(saved);
      }),
    );

    it(
      'stores the account lower-cased',
      withStore(async (store) => {
        const owner = account();
        const saved = await token(owner.toUpperCase());
        await store.save(saved);
        expect((await store.find(saved.digest, T0))?.account).toBe(owner);
      }),
    );

    it(
      'answers null for an unknown digest',
      withStore(async (store) => {
        const unknown = await resetTokenDigest(`never-${uniqueTag()}`);
        expect(await store.find(unknown, T0)).toBeNull();
        expect(await store.consume(unknown, T0)).toBeNull();
      }),
    );

    it(
      'is live while now < expiresAt, to the millisecond',
      withStore(async (store) => {
        const saved = await token(account(), 1_000);
        await store.save(saved);
        expect(await store.find(saved.digest, at(1_000))).toBeNull();
        expect(await store.consume(saved.digest, at(1_000))).toBeNull();
        expect(await store.find(saved.digest, at(999))).toEqual(saved);
        expect(await store.consume(saved.digest, at(999))).toEqual(saved);
      }),
    );

    it(
      'is single use: a consumed token is gone',
      withStore(async (store) => {
        const saved = await token(account());
        await store.save(saved);
        expect(await store.consume(saved.digest, T0)).toEqual(saved);
        expect(await store.consume(saved.digest, T0)).toBeNull();
        expect(await store.find(saved.digest, T0)).toBeNull();
      }),
    );

    it(
      `gives a token to exactly one of ${concurrency} racing consumers`,
      withStore(async (store) => {
        const saved = await token(account());
        await store.save(saved);
        const results = await Promise.all(
          Array.from({ length: concurrency }, () => store.consume(saved.digest, T0)),
        );
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toEqual(saved);
      }),
    );

    it(
      "deletes every token of one account (any case) and no other's",
      withStore(async (store) => {
        const owner = account();
        const other = await token(account());
        const mine = [await token(owner), await token(owner), await token(owner, 10)];
        for (const t of [...mine, other]) await store.save(t);
        expect(await store.deleteAll(owner.toUpperCase())).toBe(3);
        for (const t of mine) expect(await store.find(t.digest, T0)).toBeNull();
        expect(await store.find(other.digest, T0)).toEqual(other);
        expect(await store.deleteAll(owner)).toBe(0);
      }),
    );

    it(
      'purges exactly the tokens expired at now',
      withStore(async (store) => {
        // Far in the future, so tokens left behind by other tests of a shared table are not counted.
        const issued = at(365 * 86_400_000 + Math.floor(Math.random() * 1e9));
        const owner = account();
        const ending = await token(owner, 1_000, issued);
        const later = await token(owner, 1_001, issued);
        await store.save(ending);
        await store.save(later);
        const purgeAt = new Date(issued.getTime() + 1_000);
        expect(await store.purgeExpired(purgeAt)).toBeGreaterThan(0);
        expect(await store.find(later.digest, purgeAt)).toEqual(later);
        expect(await store.find(ending.digest, new Date(issued.getTime() + 999))).toBeNull();
        expect(await store.deleteAll(owner)).toBe(1);
      }),
    );
  });
}
