/** @module Conformance suite for credential stores that end same-database web sessions inside the password write. */
import type { CredentialStore } from '../ports/credential-store.js';
import { sessionIdDigest } from '../ports/session-digest.js';
import type { SessionStore } from '../ports/session-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { freshMailbox, outboxRow, passwordWrite } from './suite-records.js';
import { at, fakeHash, T0 } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * What {@link testInWriteRevocation} exercises: a credential store configured to carry out the
 * outbox rows of `revoker` inside its write, and the session store whose sessions it ends.
 *
 * @example
 * ```ts
 * const stores: InWriteRevocationStores = {
 *   store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions' }),
 *   sessions: postgresSessionStore({ pool }),
 *   revoker: 'web-sessions',
 * };
 * ```
 */
export interface InWriteRevocationStores {
  readonly store: CredentialStore;
  readonly sessions: SessionStore;
  /** The revoker name the store applies in the write. */
  readonly revoker: string;
}

/**
 * Options of {@link testInWriteRevocation}.
 *
 * @example
 * ```ts
 * const options: InWriteRevocationSuiteOptions = { concurrency: 8 };
 * ```
 */
export interface InWriteRevocationSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Runs after each test. */
  readonly teardown?: (stores: InWriteRevocationStores) => Promise<void> | void;
  /** Concurrent writers in the race. Default 8. */
  readonly concurrency?: number;
}

const LATER = at(100_000);

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks a credential
 * store which ends the web sessions of a same-database session store inside `setPassword`: a
 * winning write raises the account's session epoch once and deletes its sessions (but the one
 * named by `keepSessionDigest`) in the same commit, leaves no outbox row for that revoker (other
 * revokers' rows are inserted as usual) and reports the row in `appliedRevocations`; a losing or
 * refused write ends no session; of racing writers exactly one ends the sessions; a session opened
 * with an epoch read before the write is dead after it.
 *
 * @param name - Shown in the suite title.
 * @param makeStores - Returns the ready stores (tables migrated), for every test.
 * @param options - Teardown and concurrency.
 *
 * @example
 * ```ts
 * import { testInWriteRevocation } from 'passrotate/testing';
 * testInWriteRevocation('postgres', () => ({
 *   store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions' }),
 *   sessions: postgresSessionStore({ pool }),
 *   revoker: 'web-sessions',
 * }));
 * ```
 */
export function testInWriteRevocation(
  name: string,
  makeStores: () => InWriteRevocationStores | Promise<InWriteRevocationStores>,
  options: InWriteRevocationSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const concurrency = options.concurrency ?? 8;

  const withStores = fixtureScope(makeStores, options.teardown);

  /** A fresh mailbox with two live sessions opened at the current epoch. */
  const fresh = async ({ store, sessions }: InWriteRevocationStores) => {
    const { account } = await freshMailbox(store);
    const epoch = await sessions.epoch(account);
    const ids = [`s${uniqueTag()}`, `s${uniqueTag()}`] as const;
    for (const id of ids) {
      await sessions.create({ id, account, createdAt: T0, expiresAt: LATER, epoch, data: {} });
    }
    return { account, epoch, ids };
  };

  const outboxOf = async (store: CredentialStore, account: string) =>
    (await store.listPendingRevocations(LATER, 10_000)).filter((r) => r.account === account);
  const live = async (sessions: SessionStore, ids: readonly string[]) =>
    Promise.all(ids.map(async (id) => (await sessions.get(id, at(2))) !== null));

  describe(`CredentialStore in-write session revocation: ${name}`, () => {
    it(
      'ends every session of the account in the write and inserts no outbox row for it',
      withStores(async (stores) => {
        const { store, sessions, revoker } = stores;
        const { account, epoch, ids } = await fresh(stores);
        const bystander = await fresh(stores);
        const applied = outboxRow(account, { revoker });
        const other = outboxRow(account, { revoker: `other-${uniqueTag()}` });
        expect(
          await store.setPassword(passwordWrite(account, { pendingRevocations: [applied, other] })),
        ).toEqual({
          ok: true,
          version: 2,
          appliedRevocations: [applied.id],
        });
        expect(await live(sessions, ids)).toEqual([false, false]);
        expect(await sessions.epoch(account)).toBe(epoch + 1);
        expect(await outboxOf(store, account)).toEqual([other]);
        expect(await live(sessions, bystander.ids)).toEqual([true, true]);
      }),
    );

    it(
      'keeps the session named by keepSessionDigest',
      withStores(async (stores) => {
        const { store, sessions, revoker } = stores;
        const { account, ids } = await fresh(stores);
        const keep = await sessionIdDigest(ids[0]);
        const result = await store.setPassword(
          passwordWrite(account, {
            pendingRevocations: [outboxRow(account, { revoker, keepSessionDigest: keep })],
          }),
        );
        expect(result.ok).toBe(true);
        expect(await live(sessions, ids)).toEqual([true, false]);
        expect(await outboxOf(store, account)).toEqual([]);
      }),
    );

    it(
      'ends no session and writes no row when the write is refused',
      withStores(async (stores) => {
        const { store, sessions, revoker } = stores;
        const { account, epoch, ids } = await fresh(stores);
        const stale = passwordWrite(account, {
          expectedVersion: 7,
          pendingRevocations: [outboxRow(account, { revoker })],
        });
        expect(await store.setPassword(stale)).toEqual({ ok: false, code: 'conflict' });
        expect(await live(sessions, ids)).toEqual([true, true]);
        expect(await sessions.epoch(account)).toBe(epoch);
        expect(await outboxOf(store, account)).toEqual([]);
      }),
    );

    it(
      'leaves the sessions alone for a write without that revoker’s row',
      withStores(async (stores) => {
        const { store, sessions } = stores;
        const { account, epoch, ids } = await fresh(stores);
        expect(await store.setPassword(passwordWrite(account))).toEqual({ ok: true, version: 2 });
        expect(await live(sessions, ids)).toEqual([true, true]);
        expect(await sessions.epoch(account)).toBe(epoch);
      }),
    );

    it(
      `raises the epoch once for ${concurrency} racing writers and kills a session opened with the epoch read before`,
      withStores(async (stores) => {
        const { store, sessions, revoker } = stores;
        const { account, epoch, ids } = await fresh(stores);
        const late = `s${uniqueTag()}`;
        const results = await Promise.all([
          ...Array.from({ length: concurrency }, (_, i) =>
            store.setPassword(
              passwordWrite(account, {
                passwordHash: fakeHash(`w${i}`),
                pendingRevocations: [outboxRow(account, { revoker })],
              }),
            ),
          ),
          // A login that read the epoch before the writes opens its session while they race.
          sessions
            .create({ id: late, account, createdAt: T0, expiresAt: LATER, epoch, data: {} })
            .then(() => ({ ok: false as const, code: 'conflict' as const })),
        ]);
        const winners = results.flatMap((r) => (r.ok ? [r] : []));
        expect(winners).toHaveLength(1);
        expect(winners[0]?.appliedRevocations).toHaveLength(1);
        expect(await sessions.epoch(account)).toBe(epoch + 1);
        expect(await live(sessions, [...ids, late])).toEqual([false, false, false]);
        expect(await outboxOf(store, account)).toEqual([]);
      }),
    );
  });
}
