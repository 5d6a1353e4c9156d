/** @module The `passrotateAccount` LDAP schema: where the LDAP store keeps version, flags, history and outbox. */

/**
 * The OID arc of passrotate's LDAP schema: a UUID-derived OID (ITU-T X.667, `2.25.<uuid>`), which
 * needs no registration and collides with nobody.
 */
const ARC = '2.25.15389708226055906566073839241082185573';

/**
 * OpenLDAP `slapd.conf` schema text (include it after `core`, `cosine` and `inetorgperson`) for
 * the auxiliary object class `passrotateAccount`, whose optional attributes hold what a mailbox
 * entry has no standard place for: `passrotateVersion` (the compare-and-set counter),
 * `passrotateChangedAt`, `passrotateMustChange`, `passrotateExpiresAt`, `passrotateActive`,
 * `passrotatePasswordHistory` (`N#{SCHEME}…`, 1 = newest) and `passrotatePendingRevocation` (one
 * JSON value per outbox row). For `cn=config`, convert it with `slaptest -f` as usual.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { passrotateLdapSchema } from 'passrotate/adapters/ldap';
 * writeFileSync('/etc/ldap/schema/passrotate.schema', passrotateLdapSchema);
 * // slapd.conf: include /etc/ldap/schema/passrotate.schema
 * ```
 */
export const passrotateLdapSchema: string = `# passrotate: password rotation state of a mailbox entry (auxiliary).
attributetype ( ${ARC}.1.1 NAME 'passrotateVersion'
  DESC 'compare-and-set counter: 1 at creation, +1 per password write'
  EQUALITY integerMatch ORDERING integerOrderingMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( ${ARC}.1.2 NAME 'passrotateChangedAt'
  DESC 'when the password was last set'
  EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE )
attributetype ( ${ARC}.1.3 NAME 'passrotateMustChange'
  DESC 'TRUE: the owner must choose a new password at next login'
  EQUALITY booleanMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.7 SINGLE-VALUE )
attributetype ( ${ARC}.1.4 NAME 'passrotateExpiresAt'
  DESC 'when the current password stops being accepted'
  EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE )
attributetype ( ${ARC}.1.5 NAME 'passrotateActive'
  DESC 'FALSE: the mailbox is disabled (absent means active)'
  EQUALITY booleanMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.7 SINGLE-VALUE )
attributetype ( ${ARC}.1.6 NAME 'passrotatePasswordHistory'
  DESC 'previous password hashes as N#{SCHEME}value, 1 = newest'
  EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 )
attributetype ( ${ARC}.1.7 NAME 'passrotatePendingRevocation'
  DESC 'revocation outbox row as JSON, opening with its id'
  EQUALITY caseExactMatch SUBSTR caseExactSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
objectclass ( ${ARC}.2.1 NAME 'passrotateAccount'
  DESC 'a mailbox whose password passrotate rotates'
  SUP top AUXILIARY
  MAY ( passrotateVersion $ passrotateChangedAt $ passrotateMustChange $ passrotateExpiresAt $
        passrotateActive $ passrotatePasswordHistory $ passrotatePendingRevocation ) )
`;
