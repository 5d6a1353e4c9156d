/**
 * Model-based proof of the rotation flows under concurrency and faults: random sets of concurrent
 * owner changes, admin sets, logins (with rehash, opening a session), expiries and session openings
 * run against the memory adapters, with fast-check's scheduler choosing the interleaving of every
 * port call and a fault plan making the store and a revoker fail at random points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  manualClock,
  memoryAuditSink,
  memoryCredentialStore,
  memoryNotifier,
  memorySessionStore,
  seededRandomSource,
} from '../../src/adapters/memory/index.js';
import {
  type Actor,
  adminSetPassword,
  type CredentialStore,
  changeOwnPassword,
  definePolicy,
  expirePassword,
  type PasswordHasher,
  type RotationDeps,
  resumePendingRevocations,
  rotateDomain,
  type SessionRevoker,
  type SessionStore,
  sessionStoreRevoker,
  verifyLogin,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';

const ACCOUNT = 'alice@example.org';
const INITIAL = 'Initial-Secret-0';
const WRONG = 'Wrong-Guess-999';
const ADMIN: Actor = { name: 'postmaster', domains: ['example.org'] };
const T0 = new Date('2026-03-01T12:00:00Z');

type From =
  | { readonly kind: 'initial' }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'op'; readonly index: number };
type Op =
  | { readonly kind: 'change'; readonly from: From; readonly revoke: 'all' | 'none' }
  | { readonly kind: 'admin'; readonly generate: boolean; readonly temporary: boolean }
  | { readonly kind: 'login'; readonly from: From }
  | { readonly kind: 'expire' }
  | { readonly kind: 'rotate' }
  | { readonly kind: 'session' };

const fromArb: fc.Arbitrary<From> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'initial' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrong' as const }) },
  { weight: 3, arbitrary: fc.nat({ max: 7 }).map((index) => ({ kind: 'op' as const, index })) },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      from: fromArb,
      revoke: fc.constantFrom('all' as const, 'none' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('admin' as const),
      generate: fc.boolean(),
      temporary: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('login' as const), from: fromArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rotate' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'session' as const }) },
);

/** Each op's own new password (unique, compliant), known before the run. */
const passwordOf = (i: number): string => `Model-${'abcdefgh'[i]}${i}x-Secret`;

describe('rotation under concurrency and faults (model-based)', () => {
  it('never loses an update, keeps exactly the last accepted password, eventually revokes, lets no session survive a change it raced, leaks nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(opArb, { minLength: 2, maxLength: 8 }),
        fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        async (s, ops, faultPlan, seed) => {
          // --- world -------------------------------------------------------------------------------
          let faultsOn = true;
          let tick = 0;
          const fault = () => faultsOn && faultPlan[tick++ % faultPlan.length] === 0;
          let seq = 0;
          const clock = manualClock(T0);
          const inner = memoryCredentialStore({ clock });
          const plainHasher = cheapHasher(2);
          await inner.createMailbox({
            account: ACCOUNT,
            passwordHash: await cheapHasher(1).hash(INITIAL),
          });

          const writtenRows = new Set<string>();
          const completedRows = new Set<string>();
          const commits: { seq: number; revokeAll: boolean; version: number }[] = [];
          const faulty = <A extends unknown[], R>(label: string, f: (...a: A) => Promise<R>) =>
            s.scheduleFunction(async (...args: A) => {
              if (fault()) throw new Error(`${label}: injected fault`);
              return f(...args);
            });
          const store: CredentialStore = {
            get: faulty('get', (a) => inner.get(a)),
            setPassword: faulty('setPassword', async (w) => {
              const r = await inner.setPassword(w);
              if (r.ok) {
                for (const row of w.pendingRevocations) writtenRows.add(row.id);
                commits.push({
                  seq: seq++,
                  revokeAll: w.pendingRevocations.some((row) => row.revoker === 'web-sessions'),
                  version: r.version,
                });
              }
              return r;
            }),
            createMailbox: (m) => inner.createMailbox(m),
            listByDomain: (d, o) => inner.listByDomain(d, o),
            listPendingRevocations: faulty('listPending', (n, l) => inner.listPendingRevocations(n, l)),
            completeRevocation: faulty('complete', async (id) => {
              await inner.completeRevocation(id);
              completedRows.add(id);
            }),
            failRevocation: faulty('fail', (id, c, n) => inner.failRevocation(id, c, n)),
          };
          const hasher: PasswordHasher = {
            hash: s.scheduleFunction((p: string) => plainHasher.hash(p)),
            verify: s.scheduleFunction((p: string, h: string) => plainHasher.verify(p, h)),
            needsRehash: (h) => plainHasher.needsRehash(h),
          };
          const rawSessions = memorySessionStore();
          const sessionsOpened: { id: string; seq: number }[] = [];
          /** Sessions opened by successful logins, with the moment their login read the stored hash. */
          const loginSessions: { id: string; hashReadSeq: number }[] = [];
          const sessions: SessionStore = {
            ...rawSessions,
            epoch: s.scheduleFunction((a: string) => rawSessions.epoch(a)),
            revokeAll: s.scheduleFunction((a, o) => rawSessions.revokeAll(a, o)),
          };
          const flaky: SessionRevoker = {
            name: 'imap',
            revoke: s.scheduleFunction(async () => {
              if (fault()) throw Object.assign(new Error('kick failed'), { code: 'kick_failed' });
            }),
          };
          const audit = memoryAuditSink();
          const notifier = memoryNotifier();
          const deps: RotationDeps = {
            store,
            hasher,
            policy: definePolicy({
              minLength: 10,
              minUppercase: 1,
              minDigit: 1,
              similarity: false,
              historySize: 2,
            }),
            sessions,
            revokers: [sessionStoreRevoker(sessions), flaky],
            audit,
            notifier,
            clock,
            random: seededRandomSource(`model-${seed}`),
          };

          // --- run every op concurrently -----------------------------------------------------------
          const password = (from: From) =>
            from.kind === 'initial' ? INITIAL : from.kind === 'wrong' ? WRONG : passwordOf(from.index);
          const run = (op: Op, i: number): Promise<unknown> => {
            switch (op.kind) {
              case 'change':
                return changeOwnPassword(deps, {
                  account: ACCOUNT,
                  currentPassword: password(op.from),
                  newPassword: passwordOf(i),
                  confirmation: passwordOf(i),
                  revoke: op.revoke,
                });
              case 'admin':
                return adminSetPassword(deps, {
                  actor: ADMIN,
                  account: ACCOUNT,
                  temporary: op.temporary,
                  ...(op.generate ? { generate: true } : { password: passwordOf(i) }),
                });
              case 'login': {
                const read = { seq: Number.POSITIVE_INFINITY };
                const get = faulty('get', (a: string) => {
                  read.seq = seq++;
                  return inner.get(a);
                });
                return verifyLogin(
                  { ...deps, store: { ...store, get } },
                  {
                    account: ACCOUNT,
                    password: password(op.from),
                  },
                ).then(async (r) => {
                  if (!r.ok) return r;
                  // The app opens the session later, possibly after a racing change has revoked.
                  await s.schedule(Promise.resolve(), 'open login session');
                  const id = `login-${i}`;
                  await rawSessions.create({
                    id,
                    account: ACCOUNT,
                    createdAt: T0,
                    expiresAt: new Date(T0.getTime() + 864e5),
                    epoch: r.sessionEpoch as number,
                    data: {},
                  });
                  loginSessions.push({ id, hashReadSeq: read.seq });
                  return r;
                });
              }
              case 'expire':
                return expirePassword(deps, { actor: ADMIN, account: ACCOUNT });
              case 'rotate':
                // The domain holds this one mailbox: report its outcome like a single admin set.
                return rotateDomain(deps, { actor: ADMIN, domain: 'example.org' }).then((r) =>
                  r.ok ? (r.mailboxes[0] ?? { ok: false, code: 'empty' }) : r,
                );
              case 'session':
                return s.schedule(Promise.resolve(), 'open session').then(async () => {
                  const id = `session-${i}`;
                  await rawSessions.create({
                    id,
                    account: ACCOUNT,
                    createdAt: T0,
                    expiresAt: new Date(T0.getTime() + 864e5),
                    epoch: await rawSessions.epoch(ACCOUNT),
                    data: {},
                  });
                  sessionsOpened.push({ id, seq: seq++ });
                  return { ok: true };
                });
            }
          };
          const results = (await s.waitFor(Promise.all(ops.map(run)))) as Array<{
            ok: boolean;
            version?: number;
            rehashed?: boolean;
            password?: string;
            code?: string;
            revocation?: { done: readonly string[] };
          }>;

          // --- no session survives a change it raced: once a change whose web-session revocation
          // ran has returned, every session from a login that read the hash before that change
          // committed is dead, even one opened after the change returned -------------------------
          for (const [i, r] of results.entries()) {
            const kind = (ops[i] as Op).kind;
            if (!r.ok || (kind !== 'change' && kind !== 'admin')) continue;
            if (!r.revocation?.done.includes('web-sessions')) continue;
            const commit = commits.find((c) => c.version === r.version);
            if (!commit) throw new Error('a returned change has no commit');
            for (const login of loginSessions.filter((l) => l.hashReadSeq < commit.seq)) {
              expect(await rawSessions.get(login.id, clock.now())).toBeNull();
            }
          }

          // --- no lost update: every committed version was won by exactly one op --------------------
          const finalRecord = await inner.get(ACCOUNT);
          if (!finalRecord) throw new Error('mailbox vanished');
          const versionOf = (r: (typeof results)[number], op: Op) =>
            r.ok &&
            (op.kind === 'change' ||
              op.kind === 'admin' ||
              op.kind === 'expire' ||
              op.kind === 'rotate' ||
              (op.kind === 'login' && r.rehashed))
              ? (r.version ?? null)
              : null;
          const won = results
            .map((r, i) => versionOf(r, ops[i] as Op))
            .filter((v): v is number => v !== null);
          expect([...won].sort((a, b) => a - b)).toEqual(
            Array.from({ length: finalRecord.version - 1 }, (_, k) => k + 2),
          );

          // --- exactly one of two changes racing from the same current password wins ---------------
          const key = (f: From) => JSON.stringify(f);
          const winsByFrom = new Map<string, number>();
          ops.forEach((op, i) => {
            if (op.kind === 'change' && results[i]?.ok)
              winsByFrom.set(key(op.from), (winsByFrom.get(key(op.from)) ?? 0) + 1);
          });
          for (const wins of winsByFrom.values()) expect(wins).toBeLessThanOrEqual(1);

          // --- the stored hash verifies exactly the last accepted password -------------------------
          const passwordAt = new Map<number, string>([[1, INITIAL]]);
          const byVersion = new Map<number, number>();
          results.forEach((r, i) => {
            const v = versionOf(r, ops[i] as Op);
            if (v !== null) byVersion.set(v, i);
          });
          for (let v = 2; v <= finalRecord.version; v++) {
            const i = byVersion.get(v) as number;
            const op = ops[i] as Op;
            const r = results[i];
            passwordAt.set(
              v,
              op.kind === 'change'
                ? passwordOf(i)
                : op.kind === 'admin' || op.kind === 'rotate'
                  ? (r?.password ?? passwordOf(i))
                  : (passwordAt.get(v - 1) as string),
            );
          }
          const last = passwordAt.get(finalRecord.version) as string;
          const candidates = new Set([
            INITIAL,
            WRONG,
            ...ops.map((_, i) => passwordOf(i)),
            ...results.flatMap((r) => (r.password ? [r.password] : [])),
          ]);
          for (const candidate of candidates) {
            expect(await plainHasher.verify(candidate, finalRecord.passwordHash)).toBe(candidate === last);
          }

          // --- every committed change's revocation eventually happens ------------------------------
          faultsOn = false;
          clock.advance(2 * 3_600_000);
          await s.waitFor(resumePendingRevocations(deps));
          expect(inner.allPendingRevocations()).toEqual([]);
          expect([...writtenRows].filter((id) => !completedRows.has(id))).toEqual([]);
          for (const session of sessionsOpened) {
            const revokedLater = commits.some((c) => c.revokeAll && c.seq > session.seq);
            const alive = (await rawSessions.get(session.id, clock.now())) !== null;
            if (revokedLater) expect(alive).toBe(false);
            if (!commits.some((c) => c.revokeAll)) expect(alive).toBe(true);
          }
          for (const login of loginSessions) {
            const raced = commits.some((c) => c.revokeAll && c.seq > login.hashReadSeq);
            const alive = (await rawSessions.get(login.id, clock.now())) !== null;
            if (raced) expect(alive).toBe(false);
            if (!commits.some((c) => c.revokeAll)) expect(alive).toBe(true);
          }

          // --- no plaintext anywhere it is recorded ------------------------------------------------
          const recorded = JSON.stringify([
            audit.events,
            notifier.sent,
            inner.allPendingRevocations(),
            results.map(({ password: _shownOnce, ...rest }) => rest),
          ]);
          for (const candidate of candidates) expect(recorded).not.toContain(candidate);
        },
      ),
      { numRuns: 150 },
    );
  });
});
