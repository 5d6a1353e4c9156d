/** A rotation setup over the memory adapters, a real (cheap) hasher and recording revokers. */
import {
  manualClock,
  memoryAttemptLimiter,
  memoryAuditSink,
  memoryCredentialStore,
  memoryNotifier,
  memorySessionStore,
} from '../../src/adapters/memory/index.js';
import {
  type AttemptLimiter,
  definePolicy,
  type PasswordHasher,
  type RevocationRequest,
  type RotationDeps,
  type SessionRevoker,
  sessionStoreRevoker,
} from '../../src/index.js';
import { cheapHasher, seenPasswords } from './hashers.js';

export const T0 = new Date('2026-03-01T12:00:00Z');
export const ALICE = 'alice@example.org';
export const ALICE_PASSWORD = 'Garnet-Falcon-41';

/** A revoker that records its calls and fails while `failing` is set. */
export function recordingRevoker(name: string, options: { alwaysRun?: boolean } = {}) {
  const calls: RevocationRequest[] = [];
  const revoker = {
    name,
    ...(options.alwaysRun ? { alwaysRun: true } : {}),
    failing: false as boolean,
    calls,
    async revoke(request: RevocationRequest) {
      calls.push(request);
      if (revoker.failing) throw Object.assign(new Error(`${name} down`), { code: `${name}_down` });
    },
  } satisfies SessionRevoker & { failing: boolean; calls: RevocationRequest[] };
  return revoker;
}

/** A limiter whose `reset` takes one turn of the event loop, logging its start and end into `order`. */
export function slowResetLimiter(inner: AttemptLimiter, order: string[]): AttemptLimiter {
  return {
    ...inner,
    reset: async (key) => {
      order.push('reset started');
      await new Promise((resolve) => setImmediate(resolve));
      await inner.reset(key);
      order.push('reset done');
    },
  };
}

/** A hasher wrapper that logs which passwords were hashed and verified, in order. */
export function spyHasher(inner: PasswordHasher) {
  const log: string[] = [];
  return {
    log,
    hash: (p: string) => {
      log.push(`hash:${p}`);
      return inner.hash(p);
    },
    verify: (p: string, s: string) => {
      log.push(`verify:${p}`);
      return inner.verify(p, s);
    },
    needsRehash: (s: string) => inner.needsRehash(s),
  } satisfies PasswordHasher & { log: string[] };
}

export async function fixture(options: { historySize?: number; limit?: number } = {}) {
  const clock = manualClock(T0);
  const hasher = spyHasher(cheapHasher());
  const store = memoryCredentialStore({ clock });
  const sessions = memorySessionStore();
  const audit = memoryAuditSink();
  const notifier = memoryNotifier();
  const limiter = memoryAttemptLimiter({ limit: options.limit ?? 3, windowMs: 60_000, clock });
  const imap = recordingRevoker('imap');
  const policy = definePolicy({
    minLength: 10,
    minUppercase: 1,
    minLowercase: 1,
    minDigit: 1,
    historySize: options.historySize ?? 3,
  });
  const deps = {
    store,
    hasher,
    policy,
    revokers: [sessionStoreRevoker(sessions), imap],
    audit,
    notifier,
    limiter,
    clock,
  } satisfies RotationDeps;
  await store.createMailbox({
    account: ALICE,
    displayName: 'Alice Martin',
    passwordHash: await hasher.hash(ALICE_PASSWORD),
  });
  hasher.log.length = 0;
  const openSession = async (id: string, account = ALICE) => {
    await sessions.create({
      id,
      account,
      createdAt: clock.now(),
      expiresAt: new Date(T0.getTime() + 86_400_000),
      epoch: await sessions.epoch(account),
      data: {},
    });
  };
  const liveSessions = async (...ids: string[]) =>
    (await Promise.all(ids.map((id) => sessions.get(id, clock.now())))).map((s) => s !== null);
  const passwordWorks = async (password: string, account = ALICE) => {
    const rec = await store.get(account);
    return rec !== null && (await cheapHasher().verify(password, rec.passwordHash));
  };
  return {
    clock,
    hasher,
    store,
    sessions,
    audit,
    notifier,
    limiter,
    imap,
    policy,
    deps,
    openSession,
    liveSessions,
    passwordWorks,
  };
}

/** Everything the flows recorded, as one string, for leak scans. */
export function recordedText(f: Awaited<ReturnType<typeof fixture>>, ...extra: unknown[]): string {
  return JSON.stringify([f.audit.events, f.notifier.sent, f.store.allPendingRevocations(), ...extra]);
}

/** Every plaintext any test hasher saw (to scan recorded text for). */
export function plaintexts(): string[] {
  return [...seenPasswords].filter((p) => p.length >= 8);
}
