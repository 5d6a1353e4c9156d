/** @module The interface catalogues of the example servers, by locale. */
import type { UiLocale } from '../negotiate-locale.js';
import { de } from './de.js';
import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type { MessageKey, Messages };

/** Every catalogue, keyed by locale. */
export const catalogues: Readonly<Record<UiLocale, Messages>> = { en, de, fr, nl, es };

/** Looks up and fills one message. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string>>) => string;

/**
 * Returns a translator for `locale`; `{name}` placeholders are replaced from `values`.
 *
 * @example
 * ```ts
 * translator('de')('passwordSetFor', { account: 'bob@example.org' });
 * ```
 */
export function translator(locale: UiLocale): Translate {
  const catalogue = catalogues[locale];
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
