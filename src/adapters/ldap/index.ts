/** @module passrotate/adapters/ldap */
// A CredentialStore over an LDAP directory (OpenLDAP) on an injected ldapts 8 client: `userPassword`
// as Dovecot's LDAP passdb reads it, passrotate's state in the auxiliary class `passrotateAccount`.

export { ldapCredentialStore } from './credential-store.js';
export {
  inetOrgPersonLayout,
  type LdapCredentialStoreOptions,
  type LdapLayout,
  type LdapStateAttributes,
} from './options.js';
export { passrotateLdapSchema } from './schema.js';
