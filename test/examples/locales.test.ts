import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../examples/shared/messages/en.js';
import { catalogues, translator } from '../../examples/shared/messages/index.js';
import { negotiateLocale, UI_LOCALES } from '../../examples/shared/negotiate-locale.js';

describe('interface catalogues', () => {
  it('every locale has every key, non-empty, with the same placeholders as English', () => {
    for (const locale of UI_LOCALES) {
      const catalogue = catalogues[locale];
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('fr')('passwordSetFor', { account: 'bob@example.org' })).toContain('bob@example.org');
  });
});

describe('negotiateLocale', () => {
  it('honours quality values and ignores regions', () => {
    expect(negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(negotiateLocale('ja, nl;q=0.5, de;q=0.7')).toBe('de');
    expect(negotiateLocale('es-419')).toBe('es');
    expect(negotiateLocale('de;q=0, nl')).toBe('nl');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('ja, zh')).toBe('en');
  });

  it('always answers one of the supported locales, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (header) =>
        (UI_LOCALES as readonly string[]).includes(negotiateLocale(header)),
      ),
    );
  });
});
