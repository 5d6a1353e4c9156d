import { describe, expect, it } from 'vitest';
import {
  type FlowRefusal,
  formatRefusal,
  type LocaleId,
  type RefusalCode,
  refusalLocales,
} from '../../src/index.js';

/** One refusal per code, with the data each carries. */
const samples: { readonly [C in RefusalCode]: FlowRefusal & { code: C } } = {
  invalid_current_password: { ok: false, code: 'invalid_current_password' },
  confirmation_mismatch: { ok: false, code: 'confirmation_mismatch' },
  policy_violation: {
    ok: false,
    code: 'policy_violation',
    violations: [
      { code: 'too_short', minimum: 10, actual: 5 },
      { code: 'missing_digit', minimum: 1, actual: 0 },
    ],
  },
  rate_limited: { ok: false, code: 'rate_limited', retryAfterMs: 90_000 },
  conflict: { ok: false, code: 'conflict' },
  not_found: { ok: false, code: 'not_found' },
  forbidden: { ok: false, code: 'forbidden' },
  password_expired: { ok: false, code: 'password_expired' },
  storage_failure: { ok: false, code: 'storage_failure', cause: 'connection_failed' },
  invalid_credentials: { ok: false, code: 'invalid_credentials' },
  inactive: { ok: false, code: 'inactive' },
  failed: { ok: false, code: 'failed', account: 'alice@example.org', reason: 'malformed_hash' },
  invalid_token: { ok: false, code: 'invalid_token' },
};

const ids = Object.keys(refusalLocales) as LocaleId[];
const codes = Object.keys(samples) as RefusalCode[];

describe('formatRefusal', () => {
  it('has a catalogue for every bundled locale, each with every refusal code', () => {
    expect(ids).toEqual(['en', 'de', 'fr', 'nl', 'es']);
    for (const id of ids) expect(Object.keys(refusalLocales[id]).sort(), id).toEqual([...codes].sort());
  });

  it.each(ids)('gives a sentence of its own for every code in %s', (locale) => {
    const sentences = codes.map((code) => formatRefusal(samples[code], { locale }));
    for (const [i, sentence] of sentences.entries()) {
      expect(sentence, codes[i]).toMatch(/^\S.*[.)]$/s);
      if (codes[i] !== 'failed') expect(sentence).not.toContain('_');
      if (locale !== 'en') expect(sentence).not.toBe(formatRefusal(samples[codes[i] as RefusalCode]));
    }
    expect(new Set(sentences).size).toBe(codes.length);
  });

  it('states the wait of rate_limited, rounded up, in the locale', () => {
    const wait = (retryAfterMs: number, locale: LocaleId = 'en') =>
      formatRefusal({ ok: false, code: 'rate_limited', retryAfterMs }, { locale });
    expect(wait(90_000)).toBe('Too many attempts. Please try again in 2 minutes.');
    expect(wait(90_000, 'de')).toBe('Zu viele Versuche. Bitte versuchen Sie es in 2 Minuten erneut.');
    expect(wait(1_200)).toContain('in 2 seconds');
    expect(wait(0)).toContain('in 1 second.');
    expect(wait(60_000, 'fr')).toMatch(/dans 60\s+secondes\.$/u);
    expect(wait(3 * 3_600_000, 'es')).toContain('3 horas');
  });

  it('delegates policy violations to formatViolation in the same locale, with overrides', () => {
    expect(formatRefusal(samples.policy_violation, { locale: 'nl' })).toBe(
      'Het nieuwe wachtwoord voldoet niet aan alle eisen: Gebruik minstens 10 tekens (nu 5). Voeg minstens 1 cijfer toe.',
    );
    expect(
      formatRefusal(samples.policy_violation, {
        violationMessages: { violations: { too_short: () => 'Longer!' } },
      }),
    ).toContain(': Longer! Add');
  });

  it('takes overrides per code and refuses an unknown locale', () => {
    expect(formatRefusal(samples.conflict, { messages: { conflict: () => 'Busy.' } })).toBe('Busy.');
    expect(() => formatRefusal(samples.conflict, { locale: 'it' as LocaleId })).toThrow(RangeError);
  });
});
