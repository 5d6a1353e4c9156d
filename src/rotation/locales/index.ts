/** @module The bundled refusal catalogues by locale id. */
import type { LocaleId } from '../../policy/locales/messages.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { RefusalMessages } from './messages.js';
import { nl } from './nl.js';

/**
 * The refusal messages of every bundled locale: English, German, French, Dutch and Spanish.
 *
 * @example
 * ```ts
 * Object.keys(refusalLocales.en); // every refusal code
 * ```
 */
export const refusalLocales: { readonly [L in LocaleId]: RefusalMessages } = Object.freeze({
  en,
  de,
  fr,
  nl,
  es,
});
