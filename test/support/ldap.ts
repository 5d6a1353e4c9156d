/** @module A throwaway subtree per test file on the slapd named by PASSROTATE_TEST_LDAP_URL (scripts/services/slapd.sh). */
import { randomBytes } from 'node:crypto';
import { Client } from 'ldapts';

/** The server (`ldap://127.0.0.1:PORT`), or undefined when there is none. */
export const ldapUrl: string | undefined = process.env.PASSROTATE_TEST_LDAP_URL;

/** Skip the LDAP suites only outside CI: under `CI=true` a missing server is a failure. */
export const skipLdap: boolean = ldapUrl === undefined && process.env.CI !== 'true';

/** The admin (rootdn) and the read-only reader Dovecot binds as. */
export const ldapSettings = {
  suffix: process.env.PASSROTATE_TEST_LDAP_SUFFIX ?? 'dc=passrotate,dc=test',
  bindDn: process.env.PASSROTATE_TEST_LDAP_BIND_DN ?? '',
  bindPassword: process.env.PASSROTATE_TEST_LDAP_BIND_PASSWORD ?? '',
  readerDn: process.env.PASSROTATE_TEST_LDAP_READER_DN ?? '',
  readerPassword: process.env.PASSROTATE_TEST_LDAP_READER_PASSWORD ?? '',
};

/** A fresh `ou=…` under the suffix and an admin client; `drop()` deletes the subtree and unbinds. */
export interface ScratchLdapBase {
  readonly url: string;
  readonly client: Client;
  /** `ou=t…,dc=passrotate,dc=test` */
  readonly base: string;
  /** Another client bound as the admin (for racing callers on separate connections). */
  connect(): Promise<Client>;
  drop(): Promise<void>;
}

/**
 * Creates an `organizationalUnit` with a random name under the suffix.
 *
 * @example
 * ```ts
 * const scratch = await createScratchLdapBase();
 * await scratch.drop();
 * ```
 */
export async function createScratchLdapBase(): Promise<ScratchLdapBase> {
  const url = ldapUrl;
  if (url === undefined) throw new Error('PASSROTATE_TEST_LDAP_URL is not set');
  const clients: Client[] = [];
  const connect = async (): Promise<Client> => {
    const c = new Client({ url, autoRebind: true });
    await c.bind(ldapSettings.bindDn, ldapSettings.bindPassword);
    clients.push(c);
    return c;
  };
  const client = await connect();
  const ou = `t${randomBytes(6).toString('hex')}`;
  const base = `ou=${ou},${ldapSettings.suffix}`;
  await client.add(base, { objectClass: 'organizationalUnit', ou });
  return {
    url,
    client,
    base,
    connect,
    async drop() {
      const { searchEntries } = await client.search(base, { scope: 'sub', attributes: ['1.1'], paged: true });
      const deepestFirst = searchEntries.map((e) => e.dn).sort((x, y) => y.length - x.length);
      for (const dn of deepestFirst) await client.del(dn);
      for (const c of clients) await c.unbind();
    },
  };
}
