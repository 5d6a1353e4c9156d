/** @module The bundled locales by id. */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { LocaleId, LocaleMessages } from './messages.js';
import { nl } from './nl.js';

/**
 * Every bundled locale: English, German, French, Dutch and Spanish.
 *
 * @example
 * ```ts
 * Object.keys(locales); // ['en', 'de', 'fr', 'nl', 'es']
 * ```
 */
export const locales: { readonly [L in LocaleId]: LocaleMessages } = Object.freeze({ en, de, fr, nl, es });
