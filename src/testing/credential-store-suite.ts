/** @module Conformance suite for CredentialStore adapters (ours and third parties'). */
import type { CredentialStore, PendingRevocation } from '../ports/credential-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { freshMailbox, outboxRow, passwordWrite } from './suite-records.js';
import { at, fakeHash, T0 } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * Options of {@link testCredentialStore}.
 *
 * @example
 * ```ts
 * const options: CredentialStoreSuiteOptions = { concurrency: 16, teardown: () => db.close() };
 * testCredentialStore('sqlite', () => sqliteCredentialStore({ db }), options);
 * ```
 */
export interface CredentialStoreSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Runs after each test (close connections, drop tables…). */
  readonly teardown?: (store: CredentialStore) => Promise<void> | void;
  /** Concurrent writers in the compare-and-set race. Default 8. */
  readonly concurrency?: number;
}

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks every documented guarantee of a {@link CredentialStore}:
 * compare-and-set under concurrency, the atomic history push and limit, outbox rows written with
 * the hash and listed/completed/failed correctly, case-insensitive accounts, paging by domain, and
 * (when the store has it) `listExpiringBefore`.
 * `makeStore` is called for every test; tests use fresh random account and domain names, so one
 * shared database works.
 *
 * @param name - Shown in the suite title.
 * @param makeStore - Returns a ready store (tables migrated).
 * @param options - Teardown and concurrency.
 *
 * @example
 * ```ts
 * import { testCredentialStore } from 'passrotate/testing';
 * import { memoryCredentialStore } from 'passrotate/adapters/memory';
 * testCredentialStore('memory', () => memoryCredentialStore());
 * ```
 */
export function testCredentialStore(
  name: string,
  makeStore: () => CredentialStore | Promise<CredentialStore>,
  options: CredentialStoreSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const concurrency = options.concurrency ?? 8;

  const withStore = fixtureScope(makeStore, options.teardown);

  /** Outbox rows of `account` only (other tests may share the database). */
  const outboxOf = async (store: CredentialStore, account: string, now = at(100_000)) =>
    (await store.listPendingRevocations(now, 10_000)).filter((r) => r.account === account);

  describe(`CredentialStore conformance: ${name}`, () => {
    describe('mailboxes', () => {
      it(
        'creates a mailbox at version 1 with documented defaults',
        withStore(async (store) => {
          const { account, domain, passwordHash } = await freshMailbox(store);
          expect(await store.get(account)).toEqual({
            account,
            domain,
            displayName: null,
            passwordHash,
            version: 1,
            changedAt: T0,
            mustChange: false,
            expiresAt: null,
            active: true,
            previousHashes: [],
          });
        }),
      );

      it(
        'keeps every field given at creation',
        withStore(async (store) => {
          const domain = `d${uniqueTag()}.test`;
          const account = `u${uniqueTag()}@${domain}`;
          const passwordHash = fakeHash('created');
          await store.createMailbox({
            account,
            displayName: 'Alice Example',
            passwordHash,
            mustChange: true,
            expiresAt: at(60),
            active: false,
            changedAt: T0,
          });
          expect(await store.get(account)).toMatchObject({
            displayName: 'Alice Example',
            passwordHash,
            mustChange: true,
            expiresAt: at(60),
            active: false,
            changedAt: T0,
          });
        }),
      );

      it(
        'matches accounts case-insensitively and stores them lower-case',
        withStore(async (store) => {
          const domain = `D${uniqueTag()}.Test`;
          const mixed = `Al${uniqueTag()}Ce@${domain}`;
          await store.createMailbox({ account: mixed, passwordHash: fakeHash('c'), changedAt: T0 });
          const rec = await store.get(mixed.toUpperCase());
          expect(rec?.account).toBe(mixed.toLowerCase());
          expect(rec?.domain).toBe(domain.toLowerCase());
          expect(
            await store.createMailbox({ account: mixed.toLowerCase(), passwordHash: fakeHash('d') }),
          ).toEqual({
            ok: false,
            code: 'conflict',
          });
          const result = await store.setPassword(passwordWrite(mixed.toUpperCase()));
          expect(result).toEqual({ ok: true, version: 2 });
        }),
      );

      it(
        'returns null for an unknown account and not_found when writing to it',
        withStore(async (store) => {
          const account = `nobody${uniqueTag()}@d${uniqueTag()}.test`;
          expect(await store.get(account)).toBeNull();
          expect(
            await store.setPassword(passwordWrite(account, { pendingRevocations: [outboxRow(account)] })),
          ).toEqual({
            ok: false,
            code: 'not_found',
          });
          expect(await outboxOf(store, account)).toEqual([]);
        }),
      );
    });

    describe('compare-and-set', () => {
      it(
        'writes the hash, bumps the version and stores the flags',
        withStore(async (store) => {
          const { account, passwordHash } = await freshMailbox(store);
          const next = fakeHash('next');
          expect(
            await store.setPassword(
              passwordWrite(account, {
                passwordHash: next,
                changedAt: at(5),
                mustChange: true,
                expiresAt: at(90),
              }),
            ),
          ).toEqual({ ok: true, version: 2 });
          expect(await store.get(account)).toMatchObject({
            passwordHash: next,
            version: 2,
            changedAt: at(5),
            mustChange: true,
            expiresAt: at(90),
            previousHashes: [passwordHash],
          });
        }),
      );

      it(
        'refuses a stale version with conflict and changes nothing',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          expect((await store.setPassword(passwordWrite(account))).ok).toBe(true);
          const before = await store.get(account);
          const stale = passwordWrite(account, {
            expectedVersion: 1,
            pendingRevocations: [outboxRow(account)],
          });
          expect(await store.setPassword(stale)).toEqual({ ok: false, code: 'conflict' });
          expect(await store.setPassword(passwordWrite(account, { expectedVersion: 7 }))).toEqual({
            ok: false,
            code: 'conflict',
          });
          expect(await store.get(account)).toEqual(before);
          expect(await outboxOf(store, account)).toEqual([]);
        }),
      );

      it(
        `lets exactly one of ${concurrency} concurrent writers with the same expectedVersion win`,
        withStore(async (store) => {
          const { account, passwordHash } = await freshMailbox(store);
          const writes = Array.from({ length: concurrency }, (_, i) =>
            passwordWrite(account, {
              passwordHash: fakeHash(`w${i}`),
              pendingRevocations: [outboxRow(account, { revoker: `r${i}` })],
            }),
          );
          const results = await Promise.all(writes.map((w) => store.setPassword(w)));
          const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
          expect(winners).toHaveLength(1);
          expect(results.filter((r) => !r.ok)).toEqual(
            Array.from({ length: concurrency - 1 }, () => ({ ok: false, code: 'conflict' })),
          );
          const winner = writes[winners[0] ?? -1];
          const rec = await store.get(account);
          expect(rec).toMatchObject({
            passwordHash: winner?.passwordHash,
            version: 2,
            previousHashes: [passwordHash],
          });
          expect((await outboxOf(store, account)).map((r) => r.revoker)).toEqual([`r${winners[0]}`]);
        }),
      );

      it(
        'keeps each version winning exactly once across sequential rounds of racing writers',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          for (let round = 1; round <= 3; round++) {
            const results = await Promise.all(
              Array.from({ length: concurrency }, (_, i) =>
                store.setPassword(
                  passwordWrite(account, { expectedVersion: round, passwordHash: fakeHash(`${round}-${i}`) }),
                ),
              ),
            );
            expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: round + 1 }]);
          }
          expect((await store.get(account))?.version).toBe(4);
        }),
      );
    });

    describe('history', () => {
      it(
        'pushes the old hash newest first and keeps at most historyLimit',
        withStore(async (store) => {
          const { account, passwordHash } = await freshMailbox(store);
          const hashes = [passwordHash];
          for (let v = 1; v <= 5; v++) {
            const next = fakeHash(`h${v}`);
            expect(
              await store.setPassword(
                passwordWrite(account, { expectedVersion: v, passwordHash: next, historyLimit: 3 }),
              ),
            ).toEqual({ ok: true, version: v + 1 });
            hashes.unshift(next);
          }
          expect((await store.get(account))?.previousHashes).toEqual(hashes.slice(1, 4));
        }),
      );

      it(
        'trims to a lower limit and keeps none with 0',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          for (let v = 1; v <= 4; v++) {
            await store.setPassword(
              passwordWrite(account, { expectedVersion: v, passwordHash: fakeHash(`h${v}`) }),
            );
          }
          expect((await store.get(account))?.previousHashes).toHaveLength(4);
          await store.setPassword(passwordWrite(account, { expectedVersion: 5, historyLimit: 2 }));
          expect((await store.get(account))?.previousHashes).toHaveLength(2);
          await store.setPassword(passwordWrite(account, { expectedVersion: 6, historyLimit: 0 }));
          expect((await store.get(account))?.previousHashes).toEqual([]);
        }),
      );

      it(
        'pushes nothing with keepHistory (a rehash of the same password) but still trims',
        withStore(async (store) => {
          const { account, passwordHash } = await freshMailbox(store);
          const first = fakeHash('first');
          await store.setPassword(passwordWrite(account, { passwordHash: first }));
          const rehashed = fakeHash('rehashed');
          expect(
            await store.setPassword(
              passwordWrite(account, { expectedVersion: 2, passwordHash: rehashed, keepHistory: true }),
            ),
          ).toEqual({ ok: true, version: 3 });
          expect(await store.get(account)).toMatchObject({
            passwordHash: rehashed,
            previousHashes: [passwordHash],
          });
          await store.setPassword(
            passwordWrite(account, {
              expectedVersion: 3,
              passwordHash: rehashed,
              keepHistory: true,
              historyLimit: 0,
            }),
          );
          expect((await store.get(account))?.previousHashes).toEqual([]);
        }),
      );

      it(
        'pushes nothing when the hash is unchanged (a flags-only write)',
        withStore(async (store) => {
          const { account, passwordHash } = await freshMailbox(store);
          const next = fakeHash('next');
          await store.setPassword(passwordWrite(account, { passwordHash: next }));
          expect(
            await store.setPassword(
              passwordWrite(account, {
                expectedVersion: 2,
                passwordHash: next,
                mustChange: true,
                expiresAt: at(2),
              }),
            ),
          ).toEqual({ ok: true, version: 3 });
          expect(await store.get(account)).toMatchObject({
            passwordHash: next,
            previousHashes: [passwordHash],
            mustChange: true,
            expiresAt: at(2),
          });
        }),
      );
    });

    describe('revocation outbox', () => {
      it(
        'writes the rows with the hash and lists them once due, by nextAttemptAt then id',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          const rows = [
            outboxRow(account, { id: `b${uniqueTag()}`, revoker: 'late', nextAttemptAt: at(10) }),
            outboxRow(account, {
              id: `a${uniqueTag()}`,
              revoker: 'early',
              keepSessionDigest: 'a3f1'.repeat(16),
              nextAttemptAt: at(2),
            }),
            outboxRow(account, { id: `c${uniqueTag()}`, revoker: 'same-time', nextAttemptAt: at(2) }),
          ];
          expect(await store.setPassword(passwordWrite(account, { pendingRevocations: rows }))).toEqual({
            ok: true,
            version: 2,
          });
          expect(await outboxOf(store, account, at(1))).toEqual([]);
          const [late, early, same] = rows as [PendingRevocation, PendingRevocation, PendingRevocation];
          const dueFirst = early.id < same.id ? [early, same] : [same, early];
          expect(await outboxOf(store, account, at(2))).toEqual(dueFirst);
          expect(await outboxOf(store, account, at(10))).toEqual([...dueFirst, late]);
        }),
      );

      it(
        'respects the listing limit',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          const rows = Array.from({ length: 4 }, () => outboxRow(account));
          await store.setPassword(passwordWrite(account, { pendingRevocations: rows }));
          const listed = await store.listPendingRevocations(at(1), 2);
          expect(listed.length).toBeLessThanOrEqual(2);
          expect(listed.length).toBeGreaterThan(0);
        }),
      );

      it(
        'completes rows idempotently',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          const [r1, r2] = [outboxRow(account), outboxRow(account)];
          await store.setPassword(passwordWrite(account, { pendingRevocations: [r1, r2] }));
          await store.completeRevocation(r1.id);
          await store.completeRevocation(r1.id);
          await store.completeRevocation(`missing${uniqueTag()}`);
          expect(await outboxOf(store, account)).toEqual([r2]);
        }),
      );

      it(
        'records failures: attempts, error code and the next attempt time',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          const r = outboxRow(account);
          await store.setPassword(passwordWrite(account, { pendingRevocations: [r] }));
          await store.failRevocation(r.id, 'doveadm_failed', at(30));
          expect(await outboxOf(store, account, at(29))).toEqual([]);
          expect(await outboxOf(store, account, at(30))).toEqual([
            { ...r, attempts: 1, lastError: 'doveadm_failed', nextAttemptAt: at(30) },
          ]);
          await store.failRevocation(r.id, 'timeout', at(31));
          expect(await outboxOf(store, account, at(31))).toEqual([
            { ...r, attempts: 2, lastError: 'timeout', nextAttemptAt: at(31) },
          ]);
          await store.failRevocation(`missing${uniqueTag()}`, 'x', at(1));
        }),
      );

      it(
        'queues rows without a password change: a write of the record as read moves only the version',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          await store.setPassword(passwordWrite(account, { mustChange: true, expiresAt: at(50) }));
          const before = await store.get(account);
          if (!before) throw new Error('mailbox missing');
          const r = outboxRow(account, { revoker: 'app-password:dovecot-auth-cache' });
          expect(
            await store.setPassword({
              account,
              expectedVersion: before.version,
              passwordHash: before.passwordHash,
              changedAt: before.changedAt,
              mustChange: before.mustChange,
              expiresAt: before.expiresAt,
              historyLimit: before.previousHashes.length,
              keepHistory: true,
              pendingRevocations: [r],
            }),
          ).toEqual({ ok: true, version: before.version + 1 });
          expect(await store.get(account)).toEqual({ ...before, version: before.version + 1 });
          expect(await outboxOf(store, account)).toEqual([r]);
        }),
      );

      it(
        'writes rows only with a winning write in a race',
        withStore(async (store) => {
          const { account } = await freshMailbox(store);
          const results = await Promise.all(
            Array.from({ length: concurrency }, (_, i) =>
              store.setPassword(
                passwordWrite(account, {
                  pendingRevocations: [
                    outboxRow(account, { revoker: `w${i}` }),
                    outboxRow(account, { revoker: `w${i}` }),
                  ],
                }),
              ),
            ),
          );
          const winner = results.findIndex((r) => r.ok);
          expect((await outboxOf(store, account)).map((r) => r.revoker)).toEqual([
            `w${winner}`,
            `w${winner}`,
          ]);
        }),
      );
    });

    describe('listByDomain', () => {
      it(
        'pages through a domain in account order, case-insensitively, and nothing else',
        withStore(async (store) => {
          const domain = `d${uniqueTag()}.test`;
          const other = `d${uniqueTag()}.test`;
          const accounts: string[] = [];
          for (let i = 0; i < 7; i++) accounts.push((await freshMailbox(store, domain)).account);
          await freshMailbox(store, other);
          await freshMailbox(store, `x.${domain}`);
          accounts.sort();
          const seen: string[] = [];
          let cursor: string | null = null;
          const sizes: number[] = [];
          do {
            const page = await store.listByDomain(domain.toUpperCase(), { cursor, limit: 3 });
            sizes.push(page.mailboxes.length);
            seen.push(...page.mailboxes.map((m) => m.account));
            cursor = page.nextCursor;
          } while (cursor !== null && sizes.length < 10);
          expect(seen).toEqual(accounts);
          expect(sizes.slice(0, 2)).toEqual([3, 3]);
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
          const all = await store.listByDomain(domain);
          expect(all.mailboxes.map((m) => m.account)).toEqual(accounts);
          expect(all.nextCursor).toBeNull();
          expect(all.mailboxes.every((m) => m.domain === domain)).toBe(true);
        }),
      );

      it(
        'returns an empty last page for an unknown domain',
        withStore(async (store) => {
          expect(await store.listByDomain(`none${uniqueTag()}.test`)).toEqual({
            mailboxes: [],
            nextCursor: null,
          });
        }),
      );
    });

    describe('listExpiringBefore (when the store has it)', () => {
      it(
        'pages through exactly the passwords expiring before the instant, in account order, by domain',
        withStore(async (store) => {
          const list = store.listExpiringBefore?.bind(store);
          if (list === undefined) return;
          const domain = `d${uniqueTag()}.test`;
          const expiring: string[] = [];
          for (let i = 0; i < 4; i++) {
            const { account } = await freshMailbox(store, domain);
            const expiresAt = at(10 + i);
            expect(
              await store.setPassword(passwordWrite(account, { expiresAt, mustChange: i === 3 })),
            ).toMatchObject({ ok: true });
            expiring.push(account);
          }
          const created = `u${uniqueTag()}@${domain}`;
          await store.createMailbox({
            account: created,
            passwordHash: fakeHash('c'),
            changedAt: T0,
            expiresAt: at(5),
          });
          expiring.push(created);
          await freshMailbox(store, domain);
          const late = (await freshMailbox(store, domain)).account;
          await store.setPassword(passwordWrite(late, { expiresAt: at(500) }));
          const elsewhere = (await freshMailbox(store)).account;
          await store.setPassword(passwordWrite(elsewhere, { expiresAt: at(10) }));
          expiring.sort();
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page = await list(at(100), { domain: domain.toUpperCase(), cursor, limit: 2 });
            seen.push(...page.mailboxes.map((m) => m.account));
            expect(page.mailboxes.every((m) => m.expiresAt !== null && m.expiresAt < at(100))).toBe(true);
            cursor = page.nextCursor;
            pages += 1;
          } while (cursor !== null && pages < 10);
          expect(seen).toEqual(expiring);
          expect(pages).toBe(3);
          const before = await list(at(12), { domain });
          expect(before.mailboxes.map((m) => m.expiresAt?.getTime()).sort()).toEqual(
            [at(5), at(10), at(11)].map((d) => d.getTime()),
          );
          expect((await list(at(5), { domain })).mailboxes).toEqual([]);
          const everywhere = await list(at(11), { limit: 1000 });
          expect(everywhere.mailboxes.some((m) => m.account === elsewhere)).toBe(true);
        }),
      );
    });
  });
}
