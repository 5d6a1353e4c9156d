import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inetOrgPersonLayout, ldapCredentialStore } from '../../../src/adapters/ldap/index.js';
import type { CredentialStore, PasswordWrite } from '../../../src/ports/index.js';
import { createScratchLdapBase, type ScratchLdapBase, skipLdap } from '../../support/ldap.js';

const T1 = new Date('2031-02-03T04:05:06.789Z');
const DAY_MS = 86_400_000;

describe.skipIf(skipLdap)('ldap credential store on OpenLDAP: the directory side', () => {
  let scratch: ScratchLdapBase;
  let store: CredentialStore;
  beforeAll(async () => {
    scratch = await createScratchLdapBase();
    store = ldapCredentialStore({
      client: scratch.client,
      layout: inetOrgPersonLayout(scratch.base),
      ppolicy: true,
    });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  const write = (account: string, overrides: Partial<PasswordWrite> = {}): PasswordWrite => ({
    account,
    expectedVersion: 1,
    passwordHash: '{SSHA512}bmV4dA==',
    changedAt: T1,
    mustChange: false,
    expiresAt: null,
    historyLimit: 5,
    pendingRevocations: [],
    ...overrides,
  });
  const read = async (dn: string, attributes: string[]) =>
    (await scratch.client.search(dn, { scope: 'base', attributes })).searchEntries[0];

  it('writes userPassword as the one {SCHEME} value Dovecot reads, with the state in passrotateAccount', async () => {
    await store.createMailbox({ account: 'Plain@Example.org', passwordHash: '{SSHA512}b2xk' });
    expect(await store.setPassword(write('plain@example.org'))).toEqual({ ok: true, version: 2 });
    const entry = await read(`mail=plain@example.org,${scratch.base}`, [
      'userPassword',
      'objectClass',
      'passrotateVersion',
      'passrotatePasswordHistory',
      'passrotateChangedAt',
    ]);
    expect(entry).toMatchObject({
      userPassword: '{SSHA512}bmV4dA==',
      passrotateVersion: '2',
      passrotatePasswordHistory: '1#{SSHA512}b2xk',
      passrotateChangedAt: '20310203040506.789Z',
    });
    expect(entry?.objectClass).toEqual(expect.arrayContaining(['inetOrgPerson', 'passrotateAccount']));
  });

  it('adopts an existing entry without passrotateAccount at version 1 and adds the class with the first write', async () => {
    const dn = `mail=legacy@example.org,${scratch.base}`;
    await scratch.client.add(dn, {
      objectClass: ['inetOrgPerson'],
      cn: 'Legacy',
      sn: 'legacy',
      mail: 'legacy@example.org',
      userPassword: '{SSHA}bGVnYWN5',
    });
    expect(await store.get('legacy@example.org')).toMatchObject({
      version: 1,
      passwordHash: '{SSHA}bGVnYWN5',
      mustChange: false,
      active: true,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.setPassword(write('legacy@example.org', { passwordHash: `{SSHA}${i}` })),
      ),
    );
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
    expect((await read(dn, ['objectClass']))?.objectClass).toContain('passrotateAccount');
  });

  it('refuses a write with conflict when another tool changed userPassword between its read and its modify', async () => {
    await store.createMailbox({ account: 'outside@example.org', passwordHash: '{SSHA}b3V0' });
    const dn = `mail=outside@example.org,${scratch.base}`;
    // ldappasswd-style change that does not touch passrotateVersion, made right before the store's modify.
    const interleaved = new Proxy(scratch.client, {
      get(target, key, receiver) {
        if (key !== 'modify') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.modify>) => {
          await target.modify(dn, [
            new Change({
              operation: 'replace',
              modification: new Attribute({ type: 'userPassword', values: ['{SSHA}bGRhcHBhc3N3ZA=='] }),
            }),
          ]);
          return target.modify(...args);
        };
      },
    });
    const racing = ldapCredentialStore({ client: interleaved, layout: inetOrgPersonLayout(scratch.base) });
    expect(await racing.setPassword(write('outside@example.org'))).toEqual({ ok: false, code: 'conflict' });
    expect(await store.get('outside@example.org')).toMatchObject({
      version: 1,
      passwordHash: '{SSHA}bGRhcHBhc3N3ZA==',
      previousHashes: [],
    });
  });

  it('updates shadowLastChange on shadowAccount entries and mirrors must-change into ppolicy pwdReset', async () => {
    const dn = `mail=shadow@example.org,${scratch.base}`;
    await scratch.client.add(dn, {
      objectClass: ['inetOrgPerson', 'shadowAccount'],
      cn: 'Shadow',
      sn: 'shadow',
      uid: 'shadow',
      mail: 'shadow@example.org',
      userPassword: '{SSHA}c2hhZG93',
      shadowLastChange: '1',
    });
    await store.setPassword(write('shadow@example.org', { mustChange: true }));
    expect(await read(dn, ['shadowLastChange', 'pwdReset', 'passrotateMustChange'])).toMatchObject({
      shadowLastChange: String(Math.floor(T1.getTime() / DAY_MS)),
      pwdReset: 'TRUE',
      passrotateMustChange: 'TRUE',
    });
    await store.setPassword(write('shadow@example.org', { expectedVersion: 2, mustChange: false }));
    const after = await read(dn, ['pwdReset', 'passrotateMustChange']);
    expect(after?.pwdReset ?? []).toEqual([]);
    expect(after?.passrotateMustChange).toBe('FALSE');
  });

  it('escapes accounts in filters and DNs: a filter-shaped address matches nothing else', async () => {
    await store.createMailbox({ account: 'victim@example.org', passwordHash: '{SSHA}dmljdGlt' });
    for (const hostile of ['*@example.org', 'x)(mail=*', 'a,ou=x@example.org', '#lead@example.org']) {
      expect(await store.get(hostile)).toBeNull();
      expect(await store.setPassword(write(hostile))).toEqual({ ok: false, code: 'not_found' });
    }
    expect(await store.createMailbox({ account: 'a,b+c"d@example.org', passwordHash: '{SSHA}eA==' })).toEqual(
      { ok: true, version: 1 },
    );
    expect((await store.get('A,B+C"D@example.org'))?.account).toBe('a,b+c"d@example.org');
    expect((await store.get('victim@example.org'))?.version).toBe(1);
  });
});
