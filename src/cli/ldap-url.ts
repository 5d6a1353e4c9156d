/** @module Connection settings of an `ldap://` store URL, with the bind DN and password file from the environment. */
import { readFileSync } from 'node:fs';
import { PassrotateError } from '../errors.js';

/**
 * What the CLI needs to bind an ldapts client and lay out the store.
 *
 * @example
 * ```ts
 * const settings: LdapConnectionSettings = ldapConnectionSettings('ldap://127.0.0.1/ou=people,dc=example,dc=org', process.env);
 * ```
 */
export interface LdapConnectionSettings {
  /** `ldap://HOST:PORT` or `ldaps://HOST:PORT`, without the base. */
  readonly url: string;
  /** The mailbox subtree (the URL's DN part). */
  readonly base: string;
  readonly bindDn: string;
  readonly bindPassword: string;
}

/**
 * Reads `ldap[s]://HOST[:PORT]/BASE` (BASE percent-decoded, e.g. `ou=people,dc=example,dc=org`).
 * The bind DN comes from `LDAP_BIND_DN`, its password from the first line of the file
 * `LDAP_BIND_PASSWORD_FILE` names (never from the command line or the URL, where `ps` shows it).
 *
 * @throws PassrotateError `invalid_store` for a URL without host or base, or with user-info or a
 *   query; `store_unavailable` when the bind DN or the password file is missing.
 * @example
 * ```ts
 * ldapConnectionSettings('ldap://127.0.0.1:389/ou=people,dc=example,dc=org', {
 *   LDAP_BIND_DN: 'cn=admin,dc=example,dc=org',
 *   LDAP_BIND_PASSWORD_FILE: '/etc/passrotate/ldap.pw',
 * }).base; // 'ou=people,dc=example,dc=org'
 * ```
 */
export function ldapConnectionSettings(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): LdapConnectionSettings {
  const url = parseLdapUrl(value);
  const bindDn = env.LDAP_BIND_DN ?? '';
  const file = env.LDAP_BIND_PASSWORD_FILE ?? '';
  if (bindDn === '' || file === '') {
    throw new PassrotateError(
      'store_unavailable',
      '--store ldap:// needs LDAP_BIND_DN and LDAP_BIND_PASSWORD_FILE (a file holding the bind password)',
    );
  }
  let bindPassword: string;
  try {
    bindPassword = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0] ?? '';
  } catch (error) {
    throw new PassrotateError('store_unavailable', `cannot read LDAP_BIND_PASSWORD_FILE ${file}`, {
      cause: error,
    });
  }
  return { ...url, bindDn, bindPassword };
}

/**
 * Checks the shape of an `ldap://` or `ldaps://` store URL and splits it.
 *
 * @throws PassrotateError `invalid_store`.
 * @example
 * ```ts
 * parseLdapUrl('ldap://db/ou=people,dc=example,dc=org'); // { url: 'ldap://db', base: 'ou=people,dc=example,dc=org' }
 * ```
 */
export function parseLdapUrl(value: string): { readonly url: string; readonly base: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new PassrotateError('invalid_store', '--store ldap:// is not a valid URL', { cause: error });
  }
  const base = decodeURIComponent(url.pathname.slice(1));
  if (!['ldap:', 'ldaps:'].includes(url.protocol) || url.hostname === '' || !base.includes('=')) {
    throw new PassrotateError(
      'invalid_store',
      '--store must look like ldap://HOST:PORT/ou=people,dc=example,dc=org',
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new PassrotateError(
      'invalid_store',
      '--store ldap:// takes no user, password or query (use LDAP_BIND_DN and LDAP_BIND_PASSWORD_FILE)',
    );
  }
  return { url: `${url.protocol}//${url.host}`, base };
}
