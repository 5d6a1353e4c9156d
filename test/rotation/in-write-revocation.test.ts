import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditSink, CredentialStore } from '../../src/index.js';
import { adminSetPassword, changeOwnPassword, expirePassword, rotateDomain } from '../../src/index.js';
import { ALICE, ALICE_PASSWORD, fixture } from '../support/rotation-fixture.js';

/** A store that carries out the `imap` rows inside its write, as the SQL stores do for `web-sessions`. */
function applyingInWrite(inner: CredentialStore, revoker: string): CredentialStore {
  return {
    ...inner,
    async setPassword(write) {
      const applied = write.pendingRevocations.filter((r) => r.revoker === revoker);
      const rest = write.pendingRevocations.filter((r) => r.revoker !== revoker);
      const result = await inner.setPassword({ ...write, pendingRevocations: rest });
      if (!result.ok || applied.length === 0) return result;
      return { ...result, appliedRevocations: applied.map((r) => r.id) };
    },
  };
}

/** An audit sink that keeps the batches `recordAll` received. */
function batchingSink() {
  const batches: AuditEvent[][] = [];
  const sink: AuditSink = {
    async record(event) {
      batches.push([event]);
    },
    async recordAll(events) {
      batches.push([...events]);
    },
  };
  return { sink, batches };
}

describe('revocations carried out inside the password write', () => {
  it('reports them done and audits them without calling their revoker or completing a row', async () => {
    const f = await fixture();
    const deps = { ...f.deps, store: applyingInWrite(f.store, 'imap') };
    const result = await changeOwnPassword(deps, {
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: 'Velvet-Harbor-73',
      confirmation: 'Velvet-Harbor-73',
    });
    expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions', 'imap'], pending: [] } });
    expect(f.imap.calls).toEqual([]);
    expect(f.store.allPendingRevocations()).toEqual([]);
    expect(f.audit.events.filter((e) => e.type === 'sessions_revoked').map((e) => e.details)).toEqual([
      { revoker: 'imap', attempts: 1, inWrite: true },
      { revoker: 'web-sessions', attempts: 1 },
    ]);
  });

  it('does so in the admin set, the expiry and the bulk rotation too', async () => {
    const f = await fixture();
    const deps = { ...f.deps, store: applyingInWrite(f.store, 'imap') };
    const actor = { name: 'admin', superadmin: true, domains: [] };
    const set = await adminSetPassword(deps, { actor, account: ALICE, generate: true });
    const expired = await expirePassword(deps, { actor, account: ALICE, revoke: 'all' });
    const bulk = await rotateDomain(deps, { actor, domain: 'example.org' });
    expect(set).toMatchObject({ ok: true, revocation: { done: ['web-sessions', 'imap'], pending: [] } });
    expect(expired).toMatchObject({ ok: true, revocation: { done: ['web-sessions', 'imap'], pending: [] } });
    expect(bulk).toMatchObject({ ok: true, mailboxes: [{ ok: true, pendingRevocations: [] }] });
    expect(f.imap.calls).toEqual([]);
    expect(f.store.allPendingRevocations()).toEqual([]);
  });

  it('records the change and the in-write revocation with one recordAll call', async () => {
    const f = await fixture();
    const { sink, batches } = batchingSink();
    const deps = {
      ...f.deps,
      revokers: f.deps.revokers.filter((r) => r.name === 'imap'),
      store: applyingInWrite(f.store, 'imap'),
      audit: sink,
    };
    const actor = { name: 'admin', superadmin: true, domains: [] };
    const result = await adminSetPassword(deps, { actor, account: ALICE, generate: true });
    expect(result.ok).toBe(true);
    expect(batches.map((batch) => batch.map((e) => e.type))).toEqual([
      ['password_set_by_admin', 'sessions_revoked'],
    ]);
  });
});
