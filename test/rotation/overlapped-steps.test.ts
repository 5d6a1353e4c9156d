import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adminSetPassword,
  type CredentialStore,
  changeOwnPassword,
  type MailboxRecord,
  PassrotateError,
  verifyLogin,
} from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture, slowResetLimiter } from '../support/rotation-fixture.js';

const ADMIN = { name: 'postmaster@example.org', domains: ['example.org'] };
const NEW = 'Cobalt-River-2026';

/** A store whose reads wait until `release()`; `pending` says whether one is waiting. */
function heldReads(store: CredentialStore) {
  const waiting: (() => void)[] = [];
  const held: CredentialStore = {
    ...store,
    get: async (account) => {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return store.get(account);
    },
  };
  return {
    store: held,
    pending: () => waiting.length > 0,
    release: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

const hashed = (log: readonly string[]) => log.filter((l) => l.startsWith('hash:')).map((l) => l.slice(5));
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('adminSetPassword hashes while the mailbox is read', () => {
  it('starts the supplied password’s hash before the read returns, and stores that hash', async () => {
    const f = await fixture();
    const reads = heldReads(f.store);
    const flow = adminSetPassword(
      { ...f.deps, store: reads.store },
      { actor: ADMIN, account: ALICE, password: NEW },
    );
    await turn();
    expect(reads.pending()).toBe(true);
    expect(hashed(f.hasher.log)).toEqual([NEW]);
    reads.release();
    expect(await flow).toMatchObject({ ok: true, version: 2 });
    expect(hashed(f.hasher.log)).toEqual([NEW]);
    expect(await f.passwordWorks(NEW)).toBe(true);
  });

  it('starts a generated password’s hash before the read returns, and returns the password stored', async () => {
    const f = await fixture();
    const reads = heldReads(f.store);
    const flow = adminSetPassword(
      { ...f.deps, store: reads.store },
      { actor: ADMIN, account: ALICE, generate: true },
    );
    await turn();
    expect(hashed(f.hasher.log)).toHaveLength(1);
    reads.release();
    const result = await flow;
    expect(result.ok && result.password).toBe(hashed(f.hasher.log)[0]);
    expect(await f.passwordWorks(result.ok ? (result.password ?? '') : '')).toBe(true);
  });

  it('never hashes a password the record-free rules refuse', async () => {
    const f = await fixture();
    const result = await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: 'weak' });
    expect(result).toMatchObject({ ok: false, code: 'policy_violation' });
    expect(hashed(f.hasher.log)).toEqual([]);
  });

  it('drops the early hash when the history check refuses the password after the read', async () => {
    const f = await fixture();
    const result = await adminSetPassword(f.deps, { actor: ADMIN, account: ALICE, password: ALICE_PASSWORD });
    expect(result).toMatchObject({ code: 'policy_violation', violations: [{ code: 'reused_password' }] });
    expect(hashed(f.hasher.log)).toEqual([ALICE_PASSWORD]);
    expect(await f.store.get(ALICE)).toMatchObject({ version: 1, mustChange: false });
  });

  it('hashes a new draw when the first generated candidate is refused after the read', async () => {
    const f = await fixture();
    let refusedOnce = false;
    // The first candidate "matches" a previous password; every later one does not.
    const hasher = {
      ...f.hasher,
      verify: async (password: string, stored: string) => {
        if (!refusedOnce) {
          refusedOnce = true;
          return true;
        }
        return f.hasher.verify(password, stored);
      },
    };
    const result = await adminSetPassword(
      { ...f.deps, hasher },
      { actor: ADMIN, account: ALICE, generate: true },
    );
    const [first, second, ...rest] = hashed(f.hasher.log);
    expect(rest).toEqual([]);
    expect(first).not.toBe(second);
    expect(result.ok && result.password).toBe(second);
    expect(await f.passwordWorks(second ?? '')).toBe(true);
    expect(await f.passwordWorks(first ?? '')).toBe(false);
  });

  it('throws the hasher’s error when the early hash fails, and leaves none unhandled on a refusal', async () => {
    const f = await fixture();
    const failing = {
      ...f.hasher,
      hash: async () => Promise.reject(new PassrotateError('password_too_long', 'over the limit')),
    };
    await expect(
      adminSetPassword({ ...f.deps, hasher: failing }, { actor: ADMIN, account: ALICE, password: NEW }),
    ).rejects.toMatchObject({ code: 'password_too_long' });
    // Refused by the history check after the read: the failed early hash is never awaited.
    expect(
      await adminSetPassword(
        { ...f.deps, hasher: failing },
        { actor: ADMIN, account: ALICE, password: ALICE_PASSWORD },
      ),
    ).toMatchObject({ code: 'policy_violation' });
    await turn();
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('stores only hashes of the password it reports, whatever the password and the read’s timing', async () => {
    const candidates = fc.oneof(
      fc.constantFrom(NEW, ALICE_PASSWORD, 'weak', 'Maple-Tundra-2027', 'alice@example.org-X1y'),
      fc.string({ maxLength: 24 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(candidates, { nil: undefined }),
        fc.nat({ max: 3 }),
        async (password, readDelayTurns) => {
          const f = await fixture();
          const before = (await f.store.get(ALICE)) as MailboxRecord;
          const store: CredentialStore = {
            ...f.store,
            get: async (account) => {
              for (let i = 0; i < readDelayTurns; i++) await turn();
              return f.store.get(account);
            },
          };
          const input =
            password === undefined
              ? { actor: ADMIN, account: ALICE, generate: true }
              : { actor: ADMIN, account: ALICE, password };
          const result = await adminSetPassword({ ...f.deps, store }, input);
          const after = (await f.store.get(ALICE)) as MailboxRecord;
          if (result.ok) {
            const set = result.password ?? password ?? '';
            expect(await f.passwordWorks(set)).toBe(true);
            expect(after.version).toBe(before.version + 1);
          } else {
            expect(after).toEqual(before);
            expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('changeOwnPassword hashes alongside its slower steps', () => {
  const change = { account: ALICE, currentPassword: ALICE_PASSWORD, newPassword: NEW, confirmation: NEW };

  it('hashes the new password before the history check verifies it against the old hashes', async () => {
    const f = await fixture({ historySize: 3 });
    expect(await changeOwnPassword(f.deps, change)).toMatchObject({ ok: true });
    f.hasher.log.length = 0;
    const next = 'Maple-Tundra-2027';
    const again = { ...change, currentPassword: NEW, newPassword: next, confirmation: next };
    expect(await changeOwnPassword(f.deps, again)).toMatchObject({ ok: true });
    // verify the current one, hash the new one, then check it against the previous one.
    expect(f.hasher.log).toEqual([`verify:${NEW}`, `hash:${next}`, `verify:${next}`]);
    expect(await f.passwordWorks(next)).toBe(true);
  });

  it('hashes nothing new for a wrong current password or a password the synchronous rules refuse', async () => {
    const f = await fixture();
    await changeOwnPassword(f.deps, { ...change, currentPassword: 'Wrong-Guess-000' });
    await changeOwnPassword(f.deps, { ...change, newPassword: 'short', confirmation: 'short' });
    expect(hashed(f.hasher.log)).toEqual([]);
    expect(await f.passwordWorks(ALICE_PASSWORD)).toBe(true);
  });

  it('drops the early hash when the history check refuses, and stores nothing', async () => {
    const f = await fixture({ historySize: 3 });
    await changeOwnPassword(f.deps, change);
    const back = {
      ...change,
      currentPassword: NEW,
      newPassword: ALICE_PASSWORD,
      confirmation: ALICE_PASSWORD,
    };
    expect(await changeOwnPassword(f.deps, back)).toMatchObject({ code: 'policy_violation' });
    expect(hashed(f.hasher.log)).toEqual([NEW, ALICE_PASSWORD]);
    expect(await f.passwordWorks(NEW)).toBe(true);
  });

  it('resets the attempt count alongside the change, and before it answers', async () => {
    const f = await fixture();
    const order: string[] = [];
    const limiter = slowResetLimiter(f.limiter, order);
    const store: CredentialStore = {
      ...f.store,
      setPassword: async (w) => {
        order.push('write');
        return f.store.setPassword(w);
      },
    };
    const result = await changeOwnPassword(
      { ...f.deps, limiter, store },
      { ...change, clientKey: '198.51.100.7' },
    );
    order.push('answered');
    expect(result).toMatchObject({ ok: true });
    expect(order).toEqual(['reset started', 'write', 'reset done', 'answered']);
  });
});

describe('the attempt is reserved while the mailbox is read', () => {
  /** A limiter whose `consume` takes one turn, logging into `order`; a store whose reads log too. */
  function logged(f: Awaited<ReturnType<typeof fixture>>, order: string[]) {
    const limiter = {
      ...f.limiter,
      consume: async (key: string) => {
        order.push(`consume ${key.split(':')[0]}`);
        await turn();
        order.push('consumed');
        return f.limiter.consume(key);
      },
    };
    const store: CredentialStore = {
      ...f.store,
      get: async (account) => {
        order.push('read');
        return f.store.get(account);
      },
    };
    return { ...f.deps, limiter, store };
  }

  it('in a login and in an own change, both before the verify', async () => {
    const f = await fixture();
    const order: string[] = [];
    const deps = logged(f, order);
    expect(
      await verifyLogin(deps, { account: ALICE, password: ALICE_PASSWORD, clientKey: 'ip' }),
    ).toMatchObject({
      ok: true,
    });
    expect(order).toEqual(['consume account', 'consume client', 'read', 'consumed', 'consumed']);
    expect(f.hasher.log).toEqual([`verify:${ALICE_PASSWORD}`]);
    order.length = 0;
    const change = { account: ALICE, currentPassword: ALICE_PASSWORD, newPassword: NEW, confirmation: NEW };
    expect(await changeOwnPassword(deps, { ...change, clientKey: 'ip' })).toMatchObject({ ok: true });
    expect(order).toEqual(['consume account', 'consume client', 'read', 'consumed', 'consumed']);
  });

  it('answers rate_limited, verifying nothing, even when the read fails at the same time', async () => {
    const f = await fixture({ limit: 1 });
    await verifyLogin(f.deps, { account: ALICE, password: 'Wrong-1-guess' });
    f.hasher.log.length = 0;
    const store: CredentialStore = { ...f.store, get: async () => Promise.reject(new Error('down')) };
    expect(
      await verifyLogin({ ...f.deps, store }, { account: ALICE, password: ALICE_PASSWORD }),
    ).toMatchObject({
      code: 'rate_limited',
    });
    const change = { account: ALICE, currentPassword: ALICE_PASSWORD, newPassword: NEW, confirmation: NEW };
    expect(await changeOwnPassword({ ...f.deps, store }, change)).toMatchObject({ code: 'rate_limited' });
    expect(f.hasher.log).toEqual([]);
  });

  it('gives the attempt back when the read fails, in a login and in an own change', async () => {
    const f = await fixture({ limit: 1 });
    const down: CredentialStore = { ...f.store, get: async () => Promise.reject(new Error('down')) };
    const change = { account: ALICE, currentPassword: ALICE_PASSWORD, newPassword: NEW, confirmation: NEW };
    for (let i = 0; i < 3; i++) {
      expect(await verifyLogin({ ...f.deps, store: down }, { account: ALICE, password: 'x' })).toMatchObject({
        code: 'storage_failure',
      });
      expect(await changeOwnPassword({ ...f.deps, store: down }, change)).toMatchObject({
        code: 'storage_failure',
      });
    }
    expect(await changeOwnPassword(f.deps, change)).toMatchObject({ ok: true });
  });
});
