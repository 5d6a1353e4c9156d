/** @module Conformance suite for credential stores that record the flows' audit events inside the password write. */
import type { AuditEvent, AuditSink } from '../ports/audit-sink.js';
import type {
  CredentialStore,
  PasswordWrite,
  PendingRevocation,
  WriteAuditEvent,
} from '../ports/credential-store.js';
import { expect } from './expect.js';
import { fixtureScope } from './fixture-scope.js';
import { resolveTestRunner, type TestRunner } from './runner.js';
import { freshMailbox, outboxRow, passwordWrite } from './suite-records.js';
import { at, fakeHash } from './suite-values.js';
import { uniqueTag } from './unique.js';

/**
 * What {@link testInWriteAudit} exercises: a credential store configured to record the write's
 * audit events in its own transaction, the audit sink on the same table, and a reader of that table.
 *
 * @example
 * ```ts
 * const stores: InWriteAuditStores = {
 *   store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
 *   audit: postgresAuditSink({ pool }),
 *   revoker: 'web-sessions',
 *   auditedEvents: async (account) => readAuditRows(pool, account),
 * };
 * ```
 */
export interface InWriteAuditStores {
  readonly store: CredentialStore;
  /** The audit sink writing the same table (the events the store records must read back as its do). */
  readonly audit: AuditSink;
  /** The revoker name the store applies in the write, or `null` when it applies none. */
  readonly revoker: string | null;
  /** The events the audit table holds for `account`, in the order they were recorded. */
  auditedEvents(account: string): Promise<readonly AuditEvent[]>;
}

/**
 * Options of {@link testInWriteAudit}.
 *
 * @example
 * ```ts
 * const options: InWriteAuditSuiteOptions = { concurrency: 8 };
 * ```
 */
export interface InWriteAuditSuiteOptions {
  /** The test framework's `describe` and `it` (default: those set by `useTestRunner`, else the globals). */
  readonly runner?: TestRunner;
  /** Runs after each test. */
  readonly teardown?: (stores: InWriteAuditStores) => Promise<void> | void;
  /** Concurrent writers in the race. Default 8. */
  readonly concurrency?: number;
}

/**
 * Registers a suite (with vitest, node:test or any {@link TestRunner}) that checks a credential
 * store which records `PasswordWrite.auditEvents` inside `setPassword`: a winning write records
 * them once, in order, as the audit sink would (an event whose `onlyIfApplied` row the store did
 * not apply left out) and answers `auditRecorded: true`; a refused write (`conflict`, `not_found`)
 * records none; a write without events records none and does not claim it did; of racing writers
 * only the winner's events are recorded.
 *
 * @param name - Shown in the suite title.
 * @param makeStores - Returns the ready stores (tables migrated), for every test.
 * @param options - Teardown and concurrency.
 *
 * @example
 * ```ts
 * import { testInWriteAudit } from 'passrotate/testing';
 * testInWriteAudit('postgres', () => ({
 *   store: postgresCredentialStore({ pool, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
 *   audit: postgresAuditSink({ pool }),
 *   revoker: 'web-sessions',
 *   auditedEvents: (account) => readAuditRows(pool, account),
 * }));
 * ```
 */
export function testInWriteAudit(
  name: string,
  makeStores: () => InWriteAuditStores | Promise<InWriteAuditStores>,
  options: InWriteAuditSuiteOptions = {},
): void {
  const { describe, it } = resolveTestRunner(options.runner);
  const concurrency = options.concurrency ?? 8;

  const withStores = fixtureScope(makeStores, options.teardown);

  const newAccount = () => `u${uniqueTag()}@d${uniqueTag()}.test`;

  const changeEvent = (account: string, details: AuditEvent['details'] = {}): AuditEvent => ({
    type: 'password_changed',
    account,
    actor: account,
    at: at(1),
    outcome: 'ok',
    details: { revoke: 'all', revokers: ['web-sessions', 'imap'], ...details },
  });
  const revokedEvent = (r: PendingRevocation): WriteAuditEvent => ({
    type: 'sessions_revoked',
    account: r.account,
    actor: r.account,
    at: at(1),
    outcome: 'ok',
    details: { revoker: r.revoker, attempts: 1, inWrite: true },
    onlyIfApplied: r.id,
  });
  const withoutCondition = ({ onlyIfApplied: _, ...event }: WriteAuditEvent): AuditEvent => event;

  /** A write with one row the store applies (if any) and one it does not, and their events. */
  const writeOf = (account: string, revoker: string | null, overrides: Partial<PasswordWrite> = {}) => {
    const applied = revoker === null ? null : outboxRow(account, { revoker });
    const other = outboxRow(account, { revoker: `other-${uniqueTag()}` });
    const change = changeEvent(account);
    const write = passwordWrite(account, {
      pendingRevocations: applied === null ? [other] : [applied, other],
      auditEvents: [change, ...(applied === null ? [] : [revokedEvent(applied)]), revokedEvent(other)],
      ...overrides,
    });
    const expected = [change, ...(applied === null ? [] : [withoutCondition(revokedEvent(applied))])];
    return { write, applied, expected };
  };

  describe(`CredentialStore in-write audit: ${name}`, () => {
    it(
      'records the events of a successful write once, in order, those of rows it did not apply left out',
      withStores(async ({ store, revoker, auditedEvents }) => {
        const { account } = await freshMailbox(store);
        const { write, applied, expected } = writeOf(account, revoker);
        expect(await store.setPassword(write)).toEqual({
          ok: true,
          version: 2,
          ...(applied === null ? {} : { appliedRevocations: [applied.id] }),
          auditRecorded: true,
        });
        expect(await auditedEvents(account)).toEqual(expected);
      }),
    );

    it(
      'records rows that read back exactly as the audit sink’s',
      withStores(async ({ store, audit, revoker, auditedEvents }) => {
        const { account } = await freshMailbox(store);
        const twin = newAccount();
        const { write, expected } = writeOf(account, revoker);
        expect((await store.setPassword(write)).ok).toBe(true);
        const viaSink = expected.map((e) => ({ ...e, account: twin, actor: twin }));
        for (const event of viaSink) await audit.record(event);
        const inWrite = (await auditedEvents(account)).map((e) => ({ ...e, account: twin, actor: twin }));
        expect(inWrite).toEqual(await auditedEvents(twin));
        expect(inWrite).toEqual(viaSink);
      }),
    );

    it(
      'records nothing for a refused write',
      withStores(async ({ store, revoker, auditedEvents }) => {
        const { account } = await freshMailbox(store);
        const stale = writeOf(account, revoker, { expectedVersion: 7 }).write;
        expect(await store.setPassword(stale)).toEqual({ ok: false, code: 'conflict' });
        expect(await auditedEvents(account)).toEqual([]);
        const missing = newAccount();
        expect(await store.setPassword(writeOf(missing, revoker).write)).toEqual({
          ok: false,
          code: 'not_found',
        });
        expect(await auditedEvents(missing)).toEqual([]);
      }),
    );

    it(
      'records nothing and claims nothing for a write without audit events',
      withStores(async ({ store, revoker, auditedEvents }) => {
        const { account } = await freshMailbox(store);
        const result = await store.setPassword(writeOf(account, revoker, { auditEvents: [] }).write);
        expect(result.ok && result.auditRecorded === true).toBe(false);
        expect(result.ok).toBe(true);
        const { auditEvents: _, ...withoutEvents } = writeOf(account, revoker, { expectedVersion: 2 }).write;
        const none = await store.setPassword(withoutEvents);
        expect(none.ok && none.auditRecorded === true).toBe(false);
        expect(await auditedEvents(account)).toEqual([]);
      }),
    );

    it(
      `records only the winner’s events of ${concurrency} racing writers`,
      withStores(async ({ store, revoker, auditedEvents }) => {
        const { account } = await freshMailbox(store);
        const writes = Array.from({ length: concurrency }, (_, i) => {
          const planned = writeOf(account, revoker, { passwordHash: fakeHash(`w${i}`) });
          const change = changeEvent(account, { writer: i });
          const [, ...rest] = planned.write.auditEvents ?? [];
          return {
            write: { ...planned.write, auditEvents: [change, ...rest] },
            expected: [change, ...planned.expected.slice(1)],
          };
        });
        const results = await Promise.all(writes.map((w) => store.setPassword(w.write)));
        const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.code === 'conflict')).toHaveLength(concurrency - 1);
        expect(await auditedEvents(account)).toEqual(writes[winners[0] ?? -1]?.expected ?? null);
      }),
    );
  });
}
