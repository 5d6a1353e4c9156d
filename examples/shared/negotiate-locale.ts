/** @module Picks the page language from the browser's Accept-Language among the library's locales. */

/** The locales the example pages (and the library's policy messages) are written in. */
export const UI_LOCALES = ['en', 'de', 'fr', 'nl', 'es'] as const;

/** One of `UI_LOCALES`. */
export type UiLocale = (typeof UI_LOCALES)[number];

function isUiLocale(tag: string): tag is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(tag);
}

/**
 * Returns the best match for an `Accept-Language` header (quality values honoured, region subtags
 * ignored), or `en` when nothing matches.
 *
 * @example
 * ```ts
 * negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8'); // 'fr'
 * ```
 */
export function negotiateLocale(header: string | undefined): UiLocale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isUiLocale) ?? 'en';
}
