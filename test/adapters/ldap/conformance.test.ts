import { afterAll, beforeAll, describe } from 'vitest';
import { inetOrgPersonLayout, ldapCredentialStore } from '../../../src/adapters/ldap/index.js';
import { testCredentialStore } from '../../../src/testing/index.js';
import { createScratchLdapBase, type ScratchLdapBase, skipLdap } from '../../support/ldap.js';

describe.skipIf(skipLdap)('ldap adapters (OpenLDAP)', () => {
  let scratch: ScratchLdapBase;
  beforeAll(async () => {
    scratch = await createScratchLdapBase();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testCredentialStore(
    'ldap, one shared connection',
    () => ldapCredentialStore({ client: scratch.client, layout: inetOrgPersonLayout(scratch.base) }),
    { concurrency: 16 },
  );
});

describe.skipIf(skipLdap)('ldap adapters (OpenLDAP), entries read at their templated DN', () => {
  let scratch: ScratchLdapBase;
  beforeAll(async () => {
    scratch = await createScratchLdapBase();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testCredentialStore('ldap, lookup by DN', () =>
    ldapCredentialStore({
      client: scratch.client,
      layout: { ...inetOrgPersonLayout(scratch.base), lookup: 'dn' },
    }),
  );
});
