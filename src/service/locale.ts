/** @module Picks one of the bundled locales from what a caller sends (`de`, `de_DE`, `de-DE,en;q=0.8`). */
import type { LocaleId } from '../policy/index.js';

const BUNDLED: readonly LocaleId[] = ['en', 'de', 'fr', 'nl', 'es'];

/**
 * The first bundled locale named in `value` (a locale id, Roundcube's `de_DE`, or an
 * `Accept-Language` list), or `fallback`.
 */
export function pickLocale(value: string | undefined | null, fallback: LocaleId): LocaleId {
  if (!value) return fallback;
  for (const part of value.split(',')) {
    const language = part.trim().split(/[-_;]/)[0]?.toLowerCase();
    const found = BUNDLED.find((id) => id === language);
    if (found !== undefined) return found;
  }
  return fallback;
}
