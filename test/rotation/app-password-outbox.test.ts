/** @module A revoked app password's flush and kick go through the outbox: retried by resume, never dropped. */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  manualClock,
  memoryAppPasswordStore,
  memoryAuditSink,
  memoryCredentialStore,
} from '../../src/adapters/memory/index.js';
import {
  migrateSqlite,
  sqliteAppPasswordStore,
  sqliteCredentialStore,
} from '../../src/adapters/sqlite/index.js';
import {
  type AppPasswordStore,
  appPasswordRevoker,
  type CredentialStore,
  changeOwnPassword,
  createAppPassword,
  definePolicy,
  type RevocationRequest,
  type RotationDeps,
  resumePendingRevocations,
  revokeAppPassword,
  type SessionRevoker,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';
import { recordingRevoker } from '../support/rotation-fixture.js';

const ALICE = 'alice@example.org';
const MAIN = 'Garnet-Falcon-41';
const NEW = 'Quartz-Meadow-73';
const T0 = new Date('2026-03-01T12:00:00Z');
const FAR = new Date(8.64e15);
const policy = definePolicy({ minLength: 10, minUppercase: 1, minLowercase: 1, minDigit: 1, historySize: 3 });

const stores: Record<string, () => { store: CredentialStore; appPasswords: AppPasswordStore }> = {
  memory: () => {
    const clock = manualClock(T0);
    return { store: memoryCredentialStore({ clock }), appPasswords: memoryAppPasswordStore() };
  },
  sqlite: () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    return { store: sqliteCredentialStore({ db }), appPasswords: sqliteAppPasswordStore({ db }) };
  },
};

async function setup(kind: string, extra: Partial<RotationDeps> = {}) {
  const make = stores[kind];
  if (!make) throw new Error(`no ${kind} store`);
  const { store, appPasswords } = make();
  const clock = manualClock(T0);
  const audit = memoryAuditSink();
  const flush = recordingRevoker('dovecot-auth-cache', { alwaysRun: true });
  const kick = recordingRevoker('dovecot');
  const hasher = cheapHasher();
  await store.createMailbox({ account: ALICE, passwordHash: await hasher.hash(MAIN), changedAt: T0 });
  const deps: RotationDeps = {
    store,
    hasher,
    policy,
    clock,
    audit,
    appPasswords,
    appPasswordRevokers: [flush, kick],
    ...extra,
  };
  const create = async (name: string) => {
    const created = await createAppPassword(deps, { account: ALICE, name });
    if (!created.ok) throw new Error(created.code);
    return created;
  };
  return { store, appPasswords, clock, audit, flush, kick, hasher, deps, create };
}

describe.each(Object.keys(stores))('revokeAppPassword over the outbox (%s store)', (kind) => {
  it('a flush that fails once stays pending in the outbox, and resume runs it and completes the row', async () => {
    const s = await setup(kind);
    const phone = await s.create('Phone');
    const before = await s.store.get(ALICE);
    s.flush.failing = true;
    const revoked = await revokeAppPassword(s.deps, { account: ALICE, id: phone.id });
    expect(revoked).toEqual({
      ok: true,
      revocation: { done: ['app-password:dovecot'], pending: ['app-password:dovecot-auth-cache'] },
    });
    const [row, ...others] = await s.store.listPendingRevocations(FAR, 10);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ account: ALICE, revoker: 'app-password:dovecot-auth-cache', attempts: 1 });
    expect(row?.lastError).toBe('dovecot-auth-cache_down');
    // The outbox write changed neither the password nor its dates, flags or history.
    const after = await s.store.get(ALICE);
    expect(after).toEqual({ ...before, version: (before?.version ?? 0) + 1 });

    // Not due yet: resume leaves it.
    expect(await resumePendingRevocations(s.deps)).toEqual({ ok: true, done: 0, failed: 0 });
    s.flush.failing = false;
    s.clock.advance(30_000);
    expect(await resumePendingRevocations(s.deps)).toEqual({ ok: true, done: 1, failed: 0 });
    expect(s.flush.calls).toHaveLength(2);
    expect(s.kick.calls).toHaveLength(1);
    expect(await s.store.listPendingRevocations(FAR, 10)).toEqual([]);
    expect(s.audit.events).toContainEqual(
      expect.objectContaining({
        type: 'sessions_revoked',
        actor: 'system',
        details: { revoker: 'app-password:dovecot-auth-cache', attempts: 2 },
      }),
    );
  });

  it('an unknown id leaves no outbox row and runs no revoker', async () => {
    const s = await setup(kind);
    const phone = await s.create('Phone');
    const before = await s.store.get(ALICE);
    expect(await revokeAppPassword(s.deps, { account: ALICE, id: `${phone.id}0` })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await revokeAppPassword(s.deps, { account: 'bob@example.org', id: phone.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await s.store.get(ALICE)).toEqual(before);
    expect(await s.store.listPendingRevocations(FAR, 10)).toEqual([]);
    expect([...s.flush.calls, ...s.kick.calls]).toEqual([]);
  });
});

describe('revokeAppPassword and the outbox write', () => {
  it('retries the outbox write when a password change races it', async () => {
    const s = await setup('memory');
    const phone = await s.create('Phone');
    const store = s.store;
    let raced = false;
    const racing: CredentialStore = {
      ...store,
      get: store.get.bind(store),
      listPendingRevocations: store.listPendingRevocations.bind(store),
      completeRevocation: store.completeRevocation.bind(store),
      failRevocation: store.failRevocation.bind(store),
      async setPassword(write) {
        if (!raced) {
          raced = true;
          const changed = await changeOwnPassword(
            { ...s.deps, store, revokeAppPasswordsOnChange: false },
            { account: ALICE, currentPassword: MAIN, newPassword: NEW, confirmation: NEW, revoke: 'none' },
          );
          expect(changed.ok).toBe(true);
        }
        return store.setPassword(write);
      },
    };
    const revoked = await revokeAppPassword({ ...s.deps, store: racing }, { account: ALICE, id: phone.id });
    expect(revoked).toMatchObject({ ok: true, revocation: { pending: [] } });
    // The racing change stands: the outbox write kept the new hash.
    const record = await store.get(ALICE);
    expect(await s.hasher.verify(NEW, record?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a revoker list whose outbox names clash', async () => {
    const s = await setup('memory');
    await expect(
      revokeAppPassword(
        { ...s.deps, revokers: [recordingRevoker('app-password:dovecot')] },
        { account: ALICE, id: '1' },
      ),
    ).rejects.toThrow(TypeError);
  });
});

/** A revoker that logs each call's outcome into `log` and fails while `failing` says so. */
function loggingRevoker(name: string, log: string[], failing: () => boolean): SessionRevoker {
  return {
    name,
    async revoke(_request: RevocationRequest) {
      const fail = failing();
      log.push(`${name}:${fail ? 'fail' : 'ok'}`);
      if (fail) throw Object.assign(new Error('down'), { code: 'down' });
    },
  };
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant('revoke' as const),
    target: fc.nat({ max: 4 }),
    flushFails: fc.boolean(),
    kickFails: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('resume' as const),
    advanceMs: fc.integer({ min: 0, max: 200_000 }),
    flushFails: fc.boolean(),
    kickFails: fc.boolean(),
  }),
);

describe('revokeAppPassword under failure sequences (property)', () => {
  it('every revoked app password is eventually flushed and kicked after its delete; no other revoker run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const log: string[] = [];
        const fails = { flush: false, kick: false };
        const flush = loggingRevoker('dovecot-auth-cache', log, () => fails.flush);
        const kick = loggingRevoker('dovecot', log, () => fails.kick);
        const s = await setup('memory', { appPasswordRevokers: [flush, kick] });
        const inner = s.appPasswords;
        const logged: AppPasswordStore = {
          ...inner,
          list: inner.list.bind(inner),
          async revoke(account, id) {
            const removed = await inner.revoke(account, id);
            if (removed) log.push(`delete:${id}`);
            return removed;
          },
        };
        const deps = { ...s.deps, appPasswords: logged };
        const ids = [
          (await s.create('A')).id,
          (await s.create('B')).id,
          (await s.create('C')).id,
          'none',
          'x',
        ];
        let revoked = 0;
        for (const st of steps) {
          fails.flush = st.flushFails;
          fails.kick = st.kickFails;
          if (st.kind === 'revoke') {
            const calls = log.length;
            const result = await revokeAppPassword(deps, { account: ALICE, id: ids[st.target] ?? 'x' });
            if (result.ok) revoked += 1;
            else expect(log.length).toBe(calls);
          } else {
            s.clock.advance(st.advanceMs);
            await resumePendingRevocations(deps);
          }
        }
        fails.flush = false;
        fails.kick = false;
        s.clock.advance(3_600_000);
        expect(await resumePendingRevocations(deps)).toMatchObject({ ok: true, failed: 0 });
        expect(await s.store.listPendingRevocations(FAR, 100)).toEqual([]);
        const deletes = log.flatMap((entry, i) => (entry.startsWith('delete:') ? [i] : []));
        expect(deletes).toHaveLength(revoked);
        for (const at of deletes) {
          expect(log.slice(at).includes('dovecot-auth-cache:ok')).toBe(true);
          expect(log.slice(at).includes('dovecot:ok')).toBe(true);
        }
        // Each queued row succeeds exactly once: no revoker ran for an app password not revoked.
        expect(log.filter((e) => e === 'dovecot-auth-cache:ok')).toHaveLength(revoked);
        expect(log.filter((e) => e === 'dovecot:ok')).toHaveLength(revoked);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a main-password change with the same mail-server revokers in revokers and appPasswordRevokers', () => {
  it.each(['all', 'none'] as const)(
    'flushes and kicks once, after the delete (revoke: %s)',
    async (revoke) => {
      const flush = recordingRevoker('dovecot-auth-cache', { alwaysRun: true });
      const kick = recordingRevoker('dovecot');
      const s = await setup('memory', { revokers: [flush, kick], appPasswordRevokers: [flush, kick] });
      await s.create('Phone');
      const left: number[] = [];
      const memory = s.appPasswords as ReturnType<typeof memoryAppPasswordStore>;
      const inner = flush.revoke;
      flush.revoke = async (request) => {
        left.push(memory.hashesOf(ALICE).length);
        await inner(request);
      };
      const changed = await changeOwnPassword(s.deps, {
        account: ALICE,
        currentPassword: MAIN,
        newPassword: NEW,
        confirmation: NEW,
        revoke,
      });
      expect(changed).toMatchObject({ ok: true, revocation: { done: ['app-passwords'], pending: [] } });
      expect(flush.calls).toHaveLength(1);
      expect(kick.calls).toHaveLength(1);
      expect(left).toEqual([0]);
    },
  );

  it('still flushes when the app-password delete fails, and the retry deletes, then flushes again', async () => {
    const flush = recordingRevoker('dovecot-auth-cache', { alwaysRun: true });
    const kick = recordingRevoker('dovecot');
    const s = await setup('memory', { revokers: [flush, kick], appPasswordRevokers: [flush, kick] });
    const phone = await s.create('Phone');
    const memory = s.appPasswords as ReturnType<typeof memoryAppPasswordStore>;
    const store = memory;
    let down = true;
    const flaky: AppPasswordStore = {
      ...store,
      async revokeAll(account) {
        if (down) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
        return store.revokeAll(account);
      },
    };
    const changed = await changeOwnPassword(
      { ...s.deps, appPasswords: flaky },
      { account: ALICE, currentPassword: MAIN, newPassword: NEW, confirmation: NEW, revoke: 'none' },
    );
    expect(changed).toMatchObject({ ok: true, revocation: { done: [], pending: ['app-passwords'] } });
    expect(flush.calls).toHaveLength(1); // the old main password's cached login ends at once
    expect(memory.hashesOf(ALICE)).toHaveLength(1);
    down = false;
    s.clock.advance(30_000);
    expect(await resumePendingRevocations({ ...s.deps, appPasswords: flaky })).toEqual({
      ok: true,
      done: 1,
      failed: 0,
    });
    expect(memory.hashesOf(ALICE)).toEqual([]);
    expect(flush.calls).toHaveLength(2);
    expect(phone.id).toBeTruthy();
  });

  it('appPasswordRevoker alone: the delete error is raised after the mail-server revokers ran', async () => {
    const flush = recordingRevoker('dovecot-auth-cache');
    const failing: AppPasswordStore = {
      ...memoryAppPasswordStore(),
      revokeAll: () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' })),
    };
    await expect(
      appPasswordRevoker(failing, [flush]).revoke({ account: ALICE, keepSessionDigest: null }),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(flush.calls).toHaveLength(1);
  });
});
