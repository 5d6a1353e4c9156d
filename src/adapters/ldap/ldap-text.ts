/** @module LDAP string forms the store writes: escaped filter and DN values, GeneralizedTime, booleans. */

/**
 * Escapes a value for an LDAP search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\XX`.
 *
 * @example
 * ```ts
 * escapeFilterValue('a*b'); // 'a\\2ab'
 * ```
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Escapes a value for one RDN of a DN (RFC 4514 §2.4): `"+,;<>\`, NUL, a leading `#` or space and
 * a trailing space.
 *
 * @example
 * ```ts
 * escapeDnValue('a,b'); // 'a\\,b'
 * ```
 */
export function escapeDnValue(value: string): string {
  return value
    .replace(/["+,;<>\\]/g, (c) => `\\${c}`)
    .replace(/\0/g, '\\00')
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/**
 * An instant as GeneralizedTime in UTC with milliseconds (`20310203040506.789Z`).
 *
 * @example
 * ```ts
 * toGeneralizedTime(new Date(0)); // '19700101000000.000Z'
 * ```
 */
export function toGeneralizedTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').replace(/Z$/, '')}Z`;
}

const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?Z$/;

/**
 * Reads a UTC GeneralizedTime (`YYYYMMDDHHMMSS[.fff]Z`, what slapd returns); `null` for anything else.
 *
 * @example
 * ```ts
 * fromGeneralizedTime('20310203040506.789Z')?.toISOString(); // '2031-02-03T04:05:06.789Z'
 * ```
 */
export function fromGeneralizedTime(value: string): Date | null {
  const m = GENERALIZED_TIME.exec(value);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, fraction = '0'] = m;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
}

/**
 * An LDAP Boolean (RFC 4517 §3.3.3).
 *
 * @example
 * ```ts
 * ldapBoolean(true); // 'TRUE'
 * ```
 */
export function ldapBoolean(value: boolean): 'TRUE' | 'FALSE' {
  return value ? 'TRUE' : 'FALSE';
}
