/**
 * Model-based test (fast-check commands): random sequences of owner changes, admin sets, logins,
 * expiries, clock moves, revoker outages and outbox resumes, each outcome predicted by a small
 * model of the mailbox; after every step the stored hash must verify exactly the model's password.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ManualClock,
  type MemoryCredentialStore,
  manualClock,
  memoryCredentialStore,
} from '../../src/adapters/memory/index.js';
import {
  type Actor,
  adminSetPassword,
  changeOwnPassword,
  definePolicy,
  expirePassword,
  type RotationDeps,
  resumePendingRevocations,
  verifyLogin,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';
import { recordingRevoker } from '../support/rotation-fixture.js';

const ACCOUNT = 'alice@example.org';
const INITIAL = 'Initial-Secret-0';
const POOL = ['Amber-Falcon-11', 'Birch-Harbor-22', 'Cobalt-Meadow-33', 'Dune-Orchid-44'] as const;
const ADMIN: Actor = { name: 'postmaster', domains: ['example.org'] };
const TTL = 72 * 3_600_000;
const HISTORY = 2;

interface Model {
  password: string;
  version: number;
  /** Older passwords, newest first (as the store keeps hashes). */
  history: string[];
  mustChange: boolean;
  expiresAt: number | null;
  needsRehash: boolean;
  pending: number;
  imapFailing: boolean;
}
interface Real {
  deps: RotationDeps;
  store: MemoryCredentialStore;
  clock: ManualClock;
  imap: ReturnType<typeof recordingRevoker>;
}
type Cmd = fc.AsyncCommand<Model, Real>;

const verifier = cheapHasher(2);
/** After every step: version, outbox size, and a hash that verifies the model's password only. */
async function checkStore(m: Model, r: Real): Promise<void> {
  const record = await r.store.get(ACCOUNT);
  expect(record?.version).toBe(m.version);
  expect(r.store.allPendingRevocations()).toHaveLength(m.pending);
  for (const candidate of new Set([INITIAL, ...POOL, m.password])) {
    expect(await verifier.verify(candidate, record?.passwordHash ?? '')).toBe(candidate === m.password);
  }
}

/** Runs `step`, then {@link checkStore}. */
const checked =
  (step: (m: Model, r: Real) => Promise<void>) =>
  async (m: Model, r: Real): Promise<void> => {
    await step(m, r);
    await checkStore(m, r);
  };

const recent = (m: Model) => [m.password, ...m.history].slice(0, HISTORY);
const expired = (m: Model, r: Real) => m.expiresAt !== null && m.expiresAt <= r.clock.now().getTime();
const committed = (m: Model, password: string, temporary: boolean, r: Real) => {
  m.history = [m.password, ...m.history].slice(0, HISTORY);
  m.password = password;
  m.version++;
  m.mustChange = temporary;
  m.expiresAt = temporary ? r.clock.now().getTime() + TTL : null;
  m.needsRehash = false;
  if (m.imapFailing) m.pending++;
};

class ChangeOwn implements Cmd {
  constructor(
    readonly right: boolean,
    readonly next: string,
    readonly confirmed: boolean,
  ) {}
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    const result = await changeOwnPassword(r.deps, {
      account: ACCOUNT,
      currentPassword: this.right ? m.password : 'Wrong-Guess-000',
      newPassword: this.next,
      confirmation: this.confirmed ? this.next : `${this.next}!`,
    });
    const expected = !this.right
      ? 'invalid_current_password'
      : m.mustChange && expired(m, r)
        ? 'password_expired'
        : !this.confirmed
          ? 'confirmation_mismatch'
          : recent(m).includes(this.next)
            ? 'policy_violation'
            : 'ok';
    expect(result.ok ? 'ok' : result.code).toBe(expected);
    if (result.ok) {
      committed(m, this.next, false, r);
      expect(result.revocation.pending).toEqual(m.imapFailing ? ['imap'] : []);
    }
  });
  toString = () => `changeOwn(${this.right ? 'right' : 'wrong'}, ${this.next}, ${this.confirmed})`;
}

class AdminSet implements Cmd {
  constructor(
    readonly next: string | null,
    readonly temporary: boolean,
  ) {}
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    const result = await adminSetPassword(r.deps, {
      actor: ADMIN,
      account: ACCOUNT,
      temporary: this.temporary,
      ...(this.next === null ? { generate: true } : { password: this.next }),
    });
    const expected = this.next !== null && recent(m).includes(this.next) ? 'policy_violation' : 'ok';
    expect(result.ok ? 'ok' : result.code).toBe(expected);
    if (result.ok) committed(m, this.next ?? result.password ?? '', this.temporary, r);
  });
  toString = () => `adminSet(${this.next ?? 'generate'}, temporary=${this.temporary})`;
}

class Login implements Cmd {
  constructor(readonly right: boolean) {}
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    const result = await verifyLogin(r.deps, {
      account: ACCOUNT,
      password: this.right ? m.password : 'Wrong-Guess-000',
    });
    if (!this.right) return void expect(result).toEqual({ ok: false, code: 'invalid_credentials' });
    if (expired(m, r)) return void expect(result).toEqual({ ok: false, code: 'password_expired' });
    expect(result).toMatchObject({ ok: true, mustChange: m.mustChange, rehashed: m.needsRehash });
    if (m.needsRehash) m.version++;
    m.needsRehash = false;
  });
  toString = () => `login(${this.right ? 'right' : 'wrong'})`;
}

class Expire implements Cmd {
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    expect(await expirePassword(r.deps, { actor: ADMIN, account: ACCOUNT })).toMatchObject({ ok: true });
    m.version++;
    m.mustChange = true;
    m.expiresAt = null;
  });
  toString = () => 'expire';
}

class Advance implements Cmd {
  constructor(readonly hours: number) {}
  check = () => true;
  run = checked(async (_m: Model, r: Real) => {
    r.clock.advance(this.hours * 3_600_000);
  });
  toString = () => `advance(${this.hours}h)`;
}

class ImapOutage implements Cmd {
  constructor(readonly failing: boolean) {}
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    r.imap.failing = this.failing;
    m.imapFailing = this.failing;
  });
  toString = () => `imap(${this.failing ? 'down' : 'up'})`;
}

class Resume implements Cmd {
  check = () => true;
  run = checked(async (m: Model, r: Real) => {
    r.clock.advance(3_600_000);
    const result = await resumePendingRevocations(r.deps);
    expect(result).toEqual(
      m.imapFailing ? { ok: true, done: 0, failed: m.pending } : { ok: true, done: m.pending, failed: 0 },
    );
    if (!m.imapFailing) m.pending = 0;
  });
  toString = () => 'resume';
}

const next = fc.constantFrom(...POOL);
const commands = [
  fc.tuple(fc.boolean(), next, fc.boolean()).map(([right, n, c]) => new ChangeOwn(right, n, c)),
  fc.tuple(fc.option(next, { nil: null }), fc.boolean()).map(([n, t]) => new AdminSet(n, t)),
  fc.boolean().map((right) => new Login(right)),
  fc.constant(new Expire()),
  fc.constantFrom(1, 24, 73).map((h) => new Advance(h)),
  fc.boolean().map((failing) => new ImapOutage(failing)),
  fc.constant(new Resume()),
];

describe('rotation flows against a model (sequential)', () => {
  it('every outcome matches the model and the store holds exactly the model password', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const clock = manualClock(new Date('2026-03-01T12:00:00Z'));
        const store = memoryCredentialStore({ clock });
        await store.createMailbox({ account: ACCOUNT, passwordHash: await cheapHasher(1).hash(INITIAL) });
        const imap = recordingRevoker('imap');
        const deps: RotationDeps = {
          store,
          hasher: cheapHasher(2),
          policy: definePolicy({
            minLength: 10,
            minUppercase: 1,
            minDigit: 1,
            similarity: false,
            historySize: HISTORY,
          }),
          revokers: [imap],
          clock,
        };
        const model: Model = {
          password: INITIAL,
          version: 1,
          history: [],
          mustChange: false,
          expiresAt: null,
          needsRehash: true,
          pending: 0,
          imapFailing: false,
        };
        const real: Real = { deps, store, clock, imap };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
