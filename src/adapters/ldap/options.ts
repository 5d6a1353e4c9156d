/** @module Options of the LDAP credential store: the entry layout and the attributes that hold passrotate's state. */
import type { Client } from 'ldapts';

/**
 * Where the mailbox entries live and how one is found, listed and created.
 *
 * @example
 * ```ts
 * const layout: LdapLayout = inetOrgPersonLayout('ou=people,dc=example,dc=org');
 * ```
 */
export interface LdapLayout {
  /** Subtree holding the mailbox entries: lookups, listings and the outbox scan search under it. */
  readonly base: string;
  /** A filter every mailbox entry matches, AND-ed with the account match: `(objectClass=inetOrgPerson)`. */
  readonly filter: string;
  /** The attribute holding the full address, matched case-insensitively (`mail`). */
  readonly accountAttribute: string;
  /**
   * DN of a mailbox's entry: a template where `{account}`, `{local}` and `{domain}` are replaced by
   * the RDN-escaped lower-case address, local part and domain, e.g.
   * `mail={account},ou=Users,domainName={domain},o=domains,dc=example,dc=org`. New entries are
   * created there (their parent must exist); with `lookup: 'dn'` existing ones are read there too.
   */
  readonly dn: string;
  /** `search` (default): find the entry under `base` by `filter` and account; `dn`: read the templated DN. */
  readonly lookup?: 'search' | 'dn';
  /** The attribute read (and written at creation) as the display name; default `displayName`. */
  readonly displayNameAttribute?: string;
  /** Object classes and required attributes of a new entry besides the account, password and state. */
  readonly newEntry: (account: string, displayName: string | null) => Record<string, string | string[]>;
}

/**
 * Names of the attributes that hold passrotate's state on each entry; defaults are the
 * `passrotateAccount` schema's (`passrotateLdapSchema`). Map them to attributes of your own schema
 * with the same syntax if you have them already.
 *
 * @example
 * ```ts
 * const attributes: Partial<LdapStateAttributes> = { active: 'accountStatus' };
 * ```
 */
export interface LdapStateAttributes {
  /** The auxiliary object class added to entries that lack it. */
  readonly objectClass: string;
  /** INTEGER, single: the compare-and-set version (absent = 1). */
  readonly version: string;
  /** GeneralizedTime, single. */
  readonly changedAt: string;
  /** Boolean, single. */
  readonly mustChange: string;
  /** GeneralizedTime, single (absent = never). */
  readonly expiresAt: string;
  /** Single: `activeValues.active` or `activeValues.inactive` (absent = active). */
  readonly active: string;
  /** Multi-valued octet string: `N#hash`, 1 = newest. */
  readonly history: string;
  /** Multi-valued Directory String with a case-exact substring rule: one JSON outbox row per value. */
  readonly outbox: string;
}

/**
 * Options of `ldapCredentialStore`.
 *
 * @example
 * ```ts
 * import { Client } from 'ldapts';
 * const client = new Client({ url: 'ldap://127.0.0.1', autoRebind: true });
 * await client.bind('cn=admin,dc=example,dc=org', password);
 * const options: LdapCredentialStoreOptions = { client, layout: inetOrgPersonLayout('ou=people,dc=example,dc=org') };
 * ```
 */
export interface LdapCredentialStoreOptions {
  /**
   * An ldapts 8 `Client`, already bound as a DN that may read and write the mailbox entries
   * (create it with `autoRebind: true` so a reconnect binds again). Concurrent calls share it.
   */
  readonly client: Client;
  readonly layout: LdapLayout;
  readonly attributes?: Partial<LdapStateAttributes>;
  /** Values of the `active` attribute; default `TRUE`/`FALSE` (iRedMail's `accountStatus`: `active`/`disabled`). */
  readonly activeValues?: { readonly active: string; readonly inactive: string };
  /**
   * Mirror must-change into OpenLDAP ppolicy's `pwdReset` (set `TRUE`, or removed) with every write,
   * so binds through a ppolicy overlay see it too. Needs the ppolicy overlay on the database. Default false.
   */
  readonly ppolicy?: boolean;
}

/** The default state attributes: those of `passrotateLdapSchema`. */
export const DEFAULT_STATE_ATTRIBUTES: LdapStateAttributes = {
  objectClass: 'passrotateAccount',
  version: 'passrotateVersion',
  changedAt: 'passrotateChangedAt',
  mustChange: 'passrotateMustChange',
  expiresAt: 'passrotateExpiresAt',
  active: 'passrotateActive',
  history: 'passrotatePasswordHistory',
  outbox: 'passrotatePendingRevocation',
};

/**
 * The plain layout: `inetOrgPerson` entries named `mail=ADDRESS` directly under `base`, found by
 * `mail`, with `cn` = display name or address and `sn` = local part. Dovecot's LDAP passdb reads
 * them with `pass_filter = (&(objectClass=inetOrgPerson)(mail=%u))`.
 *
 * @example
 * ```ts
 * const store = ldapCredentialStore({ client, layout: inetOrgPersonLayout('ou=people,dc=example,dc=org') });
 * ```
 */
export function inetOrgPersonLayout(base: string): LdapLayout {
  return {
    base,
    filter: '(objectClass=inetOrgPerson)',
    accountAttribute: 'mail',
    dn: `mail={account},${base}`,
    newEntry: (account, displayName) => ({
      objectClass: ['inetOrgPerson'],
      cn: displayName ?? account,
      sn: account.slice(0, account.lastIndexOf('@')) || account,
    }),
  };
}
