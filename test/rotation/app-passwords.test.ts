import { describe, expect, it } from 'vitest';
import { memoryAppPasswordStore } from '../../src/adapters/memory/index.js';
import {
  adminSetPassword,
  changeOwnPassword,
  createAppPassword,
  generateAppPassword,
  listAppPasswords,
  revokeAppPassword,
  verifyLogin,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';
import { ALICE, ALICE_PASSWORD, fixture, recordingRevoker, T0 } from '../support/rotation-fixture.js';
import { seededSource } from '../support/seeded-source.js';

const NEW = 'Quartz-Meadow-73';

async function setup(options: { revokeAppPasswordsOnChange?: boolean; limit?: number } = {}) {
  const f = await fixture();
  const appPasswords = memoryAppPasswordStore();
  const flush = recordingRevoker('dovecot-auth-cache');
  const kick = recordingRevoker('dovecot');
  const deps = {
    ...f.deps,
    appPasswords,
    appPasswordRevokers: [flush, kick],
    ...(options.limit === undefined ? {} : { appPasswordLimit: options.limit }),
    ...(options.revokeAppPasswordsOnChange === undefined
      ? {}
      : { revokeAppPasswordsOnChange: options.revokeAppPasswordsOnChange }),
  };
  const create = async (name: string) => {
    const result = await createAppPassword(deps, { account: ALICE, name });
    if (!result.ok) throw new Error(result.code);
    return result;
  };
  const appPasswordWorks = async (password: string) => {
    for (const hash of appPasswords.hashesOf(ALICE))
      if (await cheapHasher().verify(password, hash)) return true;
    return false;
  };
  return { ...f, deps, appPasswords, flush, kick, create, appPasswordWorks };
}

describe('generateAppPassword', () => {
  it('gives four groups of four lowercase letters, drawn from the given source', () => {
    const a = generateAppPassword(seededSource(7));
    expect(a).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
    expect(generateAppPassword(seededSource(7))).toBe(a);
    expect(generateAppPassword(seededSource(8))).not.toBe(a);
  });
});

describe('createAppPassword', () => {
  it('returns the password once, stores only its hash under the device name, audits no secret', async () => {
    const s = await setup();
    const created = await s.create('  Phone  ');
    expect(created).toMatchObject({ ok: true, name: 'Phone' });
    const [hash] = s.appPasswords.hashesOf(ALICE);
    expect(hash).not.toContain(created.password);
    expect(await cheapHasher().verify(created.password, hash ?? '')).toBe(true);
    const listed = await listAppPasswords(s.deps, 'ALICE@example.org');
    expect(listed).toEqual({
      ok: true,
      appPasswords: [{ id: created.id, account: ALICE, name: 'Phone', createdAt: T0 }],
    });
    const trail = JSON.stringify(s.audit.events);
    expect(trail).toContain('app_password_created');
    expect(trail).not.toContain(created.password);
    expect(trail).not.toContain(hash);
  });

  it('refuses a bad name, an unknown or disabled mailbox, and more than the limit', async () => {
    const s = await setup({ limit: 2 });
    for (const name of ['', '   ', 'a\nb', 'x'.repeat(65)]) {
      expect(await createAppPassword(s.deps, { account: ALICE, name })).toEqual({
        ok: false,
        code: 'invalid_name',
      });
    }
    expect(await createAppPassword(s.deps, { account: 'nobody@example.org', name: 'Phone' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    await s.store.createMailbox({ account: 'off@example.org', passwordHash: 'x', active: false });
    expect(await createAppPassword(s.deps, { account: 'off@example.org', name: 'Phone' })).toEqual({
      ok: false,
      code: 'inactive',
    });
    await s.create('One');
    await s.create('Two');
    expect(await createAppPassword(s.deps, { account: ALICE, name: 'Three' })).toEqual({
      ok: false,
      code: 'limit_reached',
    });
  });

  it('throws a coded error when no app-password store is configured', async () => {
    const s = await setup();
    const { appPasswords: _, ...withoutStore } = s.deps;
    await expect(createAppPassword(withoutStore, { account: ALICE, name: 'P' })).rejects.toMatchObject({
      code: 'app_passwords_not_configured',
    });
  });
});

describe('revokeAppPassword', () => {
  it('deletes only that app password, then flushes and kicks in order', async () => {
    const s = await setup();
    const phone = await s.create('Phone');
    const laptop = await s.create('Laptop');
    expect(await revokeAppPassword(s.deps, { account: ALICE, id: phone.id })).toEqual({
      ok: true,
      revocation: { done: ['app-password:dovecot-auth-cache', 'app-password:dovecot'], pending: [] },
    });
    expect(await s.store.listPendingRevocations(new Date(8.64e15), 10)).toEqual([]);
    expect(await s.appPasswordWorks(phone.password)).toBe(false);
    expect(await s.appPasswordWorks(laptop.password)).toBe(true);
    expect(s.flush.calls).toEqual([{ account: ALICE, keepSessionDigest: null }]);
    expect(s.kick.calls).toHaveLength(1);
  });

  it("refuses another account's id and reports a mail-server revoker that failed", async () => {
    const s = await setup();
    const phone = await s.create('Phone');
    expect(await revokeAppPassword(s.deps, { account: 'bob@example.org', id: phone.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await s.appPasswordWorks(phone.password)).toBe(true);
    expect(s.flush.calls).toEqual([]);
    s.kick.failing = true;
    expect(await revokeAppPassword(s.deps, { account: ALICE, id: phone.id })).toEqual({
      ok: true,
      revocation: { done: ['app-password:dovecot-auth-cache'], pending: ['app-password:dovecot'] },
    });
    expect(s.audit.events).toContainEqual(
      expect.objectContaining({
        type: 'revocation_failed',
        outcome: 'dovecot_down',
        details: { revoker: 'app-password:dovecot', attempts: 1 },
      }),
    );
    expect(s.audit.events.at(-1)).toMatchObject({
      type: 'app_password_revoked',
      outcome: 'revocation_pending',
      details: { id: phone.id, pending: ['app-password:dovecot'] },
    });
  });
});

describe('main-password changes and app passwords', () => {
  it('an own change revokes them by default, even keeping sessions, and flushes after the delete', async () => {
    const s = await setup();
    const phone = await s.create('Phone');
    let leftAtFlush = -1;
    s.flush.revoke = async () => {
      leftAtFlush = s.appPasswords.hashesOf(ALICE).length;
    };
    const result = await changeOwnPassword(s.deps, {
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: NEW,
      confirmation: NEW,
      revoke: 'none',
    });
    expect(result).toMatchObject({ ok: true, revocation: { done: ['app-passwords'], pending: [] } });
    expect(await s.appPasswordWorks(phone.password)).toBe(false);
    expect(leftAtFlush).toBe(0);
  });

  it('an admin set revokes them too, and neither does with revokeAppPasswordsOnChange: false', async () => {
    const on = await setup();
    const a = await on.create('Phone');
    const admin = { name: 'admin', domains: ['example.org'] };
    expect(await adminSetPassword(on.deps, { actor: admin, account: ALICE, password: NEW })).toMatchObject({
      ok: true,
    });
    expect(await on.appPasswordWorks(a.password)).toBe(false);

    const off = await setup({ revokeAppPasswordsOnChange: false });
    const b = await off.create('Phone');
    expect(await adminSetPassword(off.deps, { actor: admin, account: ALICE, password: NEW })).toMatchObject({
      ok: true,
    });
    expect(await off.appPasswordWorks(b.password)).toBe(true);
  });

  it('a failed app-password revocation stays in the outbox to be retried', async () => {
    const s = await setup();
    await s.create('Phone');
    s.flush.failing = true;
    const result = await changeOwnPassword(s.deps, {
      account: ALICE,
      currentPassword: ALICE_PASSWORD,
      newPassword: NEW,
      confirmation: NEW,
      revoke: 'all',
    });
    expect(result).toMatchObject({ ok: true, revocation: { pending: ['app-passwords'] } });
  });
});

describe('web sign-in', () => {
  it('never accepts an app password, only the main one', async () => {
    const s = await setup();
    const phone = await s.create('Phone');
    expect(await verifyLogin(s.deps, { account: ALICE, password: phone.password })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    expect(await verifyLogin(s.deps, { account: ALICE, password: ALICE_PASSWORD })).toMatchObject({
      ok: true,
    });
  });
});
