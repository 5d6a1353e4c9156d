/**
 * The rotation flows over a SQLite store that records their audit events inside the password write:
 * every event lands once (in the write or through the sink, never both), none for a lost race.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  migrateSqlite,
  sqliteAuditSink,
  sqliteCredentialStore,
  sqliteSessionStore,
} from '../../../src/adapters/sqlite/index.js';
import {
  type AuditEvent,
  type AuditSink,
  adminSetPassword,
  type CredentialStore,
  changeOwnPassword,
  definePolicy,
  type RotationDeps,
  sessionStoreRevoker,
} from '../../../src/index.js';
import { sqliteAuditEvents } from '../../support/audit-rows.js';
import { cheapHasher, seenPasswords } from '../../support/hashers.js';
import { recordingRevoker } from '../../support/rotation-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-audit-in-write-'));
const db = new Database(join(dir, 'mail.sqlite'));
migrateSqlite({ db });
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const actor = { name: 'admin', superadmin: true, domains: [] };
let n = 0;

/** The sink's calls, passed on to the real SQLite sink. */
function countingSink(): { sink: AuditSink; received: AuditEvent[] } {
  const inner = sqliteAuditSink({ db });
  const received: AuditEvent[] = [];
  return {
    received,
    sink: {
      async record(event) {
        received.push(event);
        await inner.record(event);
      },
    },
  };
}

async function setup(options: { audit?: boolean; store?: (inner: CredentialStore) => CredentialStore } = {}) {
  const account = `user${++n}@example.org`;
  const inner = sqliteCredentialStore({ db, revokeSessionsInWrite: 'web-sessions', auditInWrite: true });
  const hasher = cheapHasher();
  await inner.createMailbox({ account, passwordHash: await hasher.hash('Initial-Pass-1') });
  const { sink, received } = countingSink();
  const imap = recordingRevoker('imap');
  const deps: RotationDeps = {
    store: options.store ? options.store(inner) : inner,
    hasher,
    policy: definePolicy({ minLength: 8 }),
    revokers: [sessionStoreRevoker(sqliteSessionStore({ db })), imap],
    ...(options.audit === false ? {} : { audit: sink }),
  };
  return { account, deps, received, inner };
}

const summary = (events: readonly AuditEvent[]) =>
  events.map((e) => `${e.type}:${e.outcome}:${String(e.details?.revoker ?? e.details?.revokers ?? '')}`);

describe('rotation flows with the audit recorded in the SQLite write', () => {
  it('an admin set records its event and the in-write log-out in the write, the other revoker through the sink', async () => {
    const { account, deps, received } = await setup();
    const result = await adminSetPassword(deps, {
      actor,
      account,
      password: 'Admin-Set-Pass-2',
      temporary: false,
    });
    expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions', 'imap'], pending: [] } });
    const events = await sqliteAuditEvents(db, account);
    expect(summary(events)).toEqual([
      'password_set_by_admin:ok:web-sessions,imap',
      'sessions_revoked:ok:web-sessions',
      'sessions_revoked:ok:imap',
    ]);
    expect(events[0]).toEqual({
      type: 'password_set_by_admin',
      account,
      actor: 'admin',
      at: result.ok ? result.changedAt : null,
      outcome: 'ok',
      details: { generated: false, temporary: false, revokers: ['web-sessions', 'imap'] },
    });
    expect(events[1]?.details).toEqual({ revoker: 'web-sessions', attempts: 1, inWrite: true });
    // Only the revoker run after the write went through the sink.
    expect(summary(received)).toEqual(['sessions_revoked:ok:imap']);
  });

  it('an own change does the same, and no event holds a password', async () => {
    const { account, deps, received } = await setup();
    const result = await changeOwnPassword(deps, {
      account,
      currentPassword: 'Initial-Pass-1',
      newPassword: 'Own-Change-Pass-3',
      confirmation: 'Own-Change-Pass-3',
    });
    expect(result.ok).toBe(true);
    const events = await sqliteAuditEvents(db, account);
    expect(summary(events)).toEqual([
      'password_changed:ok:web-sessions,imap',
      'sessions_revoked:ok:web-sessions',
      'sessions_revoked:ok:imap',
    ]);
    expect(summary(received)).toEqual(['sessions_revoked:ok:imap']);
    const text = JSON.stringify(events);
    for (const password of seenPasswords) expect(text).not.toContain(password);
  });

  it('a write that lost the race records no change event, only the refusal through the sink', async () => {
    let racer: Promise<unknown> | null = null;
    const { account, deps, received, inner } = await setup({
      store: (store) => ({
        ...store,
        async get(a) {
          const record = await store.get(a);
          // Another panel's change commits between this flow's read and its write.
          racer ??= adminSetPassword({ ...deps, store }, { actor, account: a, password: 'Racer-Pass-9' });
          await racer;
          return record;
        },
      }),
    });
    const result = await adminSetPassword(deps, {
      actor,
      account,
      password: 'Loser-Pass-8',
      temporary: false,
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    expect((await inner.get(account))?.version).toBe(2);
    expect(summary(await sqliteAuditEvents(db, account))).toEqual([
      'password_set_by_admin:ok:web-sessions,imap',
      'sessions_revoked:ok:web-sessions',
      'sessions_revoked:ok:imap',
      'password_change_refused:conflict:',
    ]);
    expect(summary(received)).toEqual(['sessions_revoked:ok:imap', 'password_change_refused:conflict:']);
  });

  it('records nothing without an audit sink', async () => {
    const { account, deps } = await setup({ audit: false });
    const result = await adminSetPassword(deps, {
      actor,
      account,
      password: 'Admin-Set-Pass-2',
      temporary: false,
    });
    expect(result.ok).toBe(true);
    expect(await sqliteAuditEvents(db, account)).toEqual([]);
  });
});
