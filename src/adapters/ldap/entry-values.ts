/** @module Reading attribute values from an ldapts search entry, whatever case the server used. */
import type { Entry } from 'ldapts';

/**
 * The values of `attribute` on `entry` as strings (none → `[]`), matched case-insensitively.
 *
 * @example
 * ```ts
 * valuesOf(entry, 'userPassword'); // ['{SSHA}…']
 * ```
 */
export function valuesOf(entry: Entry, attribute: string): string[] {
  const wanted = attribute.toLowerCase();
  for (const [key, raw] of Object.entries(entry)) {
    if (key === 'dn' || key.toLowerCase() !== wanted) continue;
    const list = Array.isArray(raw) ? raw : [raw];
    return list.map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
  }
  return [];
}

/** The first value of `attribute`, or `null`. */
export function firstValueOf(entry: Entry, attribute: string): string | null {
  return valuesOf(entry, attribute)[0] ?? null;
}
