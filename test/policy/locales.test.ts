import { describe, expect, it } from 'vitest';
import {
  describePolicy,
  formatRequirement,
  formatViolation,
  type LocaleId,
  type LocaleMessages,
  locales,
  presets,
  REQUIREMENT_CODES,
  type Requirement,
  type RequirementCode,
  type RequirementOf,
  VIOLATION_CODES,
  type Violation,
  type ViolationCode,
  type ViolationOf,
} from '../../src/index.js';

/** Samples of every violation shape; the mapped type makes a missing code a compile error here too. */
const violationSamples: { [C in ViolationCode]: ViolationOf<C>[] } = {
  too_short: [{ code: 'too_short', minimum: 8, actual: 1 }],
  too_long: [{ code: 'too_long', maximum: 128, actual: 200 }],
  missing_uppercase: [{ code: 'missing_uppercase', minimum: 2, actual: 0 }],
  missing_lowercase: [{ code: 'missing_lowercase', minimum: 1, actual: 0 }],
  missing_digit: [{ code: 'missing_digit', minimum: 1, actual: 0 }],
  missing_special: [{ code: 'missing_special', minimum: 1, actual: 0, characters: '!#' }],
  too_few_classes: [
    { code: 'too_few_classes', minimum: 3, actual: 1, classes: ['uppercase', 'digit', 'special'] },
  ],
  disallowed_character: (['control', 'not_allowed', 'lone_surrogate', 'not_normalized'] as const).map(
    (reason) => ({
      code: 'disallowed_character' as const,
      reason,
    }),
  ),
  repeated_characters: [{ code: 'repeated_characters', maximum: 3, actual: 4 }],
  sequential_characters: [{ code: 'sequential_characters', maximum: 3, actual: 5 }],
  common_password: [{ code: 'common_password' }],
  contains_account: (['local_part', 'domain', 'display_name'] as const).map((part) => ({
    code: 'contains_account' as const,
    part,
  })),
  same_as_current: [{ code: 'same_as_current' }],
  too_similar_to_current: [{ code: 'too_similar_to_current', minimum: 3, actual: 1 }],
  reused_password: [
    { code: 'reused_password', history: 5 },
    { code: 'reused_password', history: 1 },
  ],
  breached_password: [{ code: 'breached_password', occurrences: 42 }],
  confirmation_mismatch: [{ code: 'confirmation_mismatch' }],
  pattern_mismatch: [
    { code: 'pattern_mismatch', id: 'two_digits', index: 0, message: null },
    { code: 'pattern_mismatch', id: 'x', index: 1, message: null },
  ],
};

const requirementSamples: { [C in RequirementCode]: RequirementOf<C>[] } = {
  too_short: [{ code: 'too_short', minimum: 8 }],
  too_long: [{ code: 'too_long', maximum: 128 }],
  missing_uppercase: [{ code: 'missing_uppercase', minimum: 1 }],
  missing_lowercase: [{ code: 'missing_lowercase', minimum: 2 }],
  missing_digit: [
    { code: 'missing_digit', minimum: 1 },
    { code: 'missing_digit', minimum: 1, waivedFrom: 20 },
  ],
  missing_special: [{ code: 'missing_special', minimum: 1, characters: '!#' }],
  too_few_classes: [
    { code: 'too_few_classes', minimum: 3, classes: ['uppercase', 'lowercase', 'digit', 'special'] },
  ],
  disallowed_character: (['any', 'printable_ascii', 'custom'] as const).map((allowed) => ({
    code: 'disallowed_character' as const,
    allowed,
    characters: allowed === 'custom' ? 'abc' : null,
    normalized: true,
  })),
  repeated_characters: [{ code: 'repeated_characters', maximum: 3 }],
  sequential_characters: [{ code: 'sequential_characters', maximum: 3 }],
  common_password: [{ code: 'common_password' }],
  contains_account: [{ code: 'contains_account' }],
  too_similar_to_current: [{ code: 'too_similar_to_current', minimum: 3 }],
  reused_password: [
    { code: 'reused_password', history: 5 },
    { code: 'reused_password', history: 1 },
  ],
  breached_password: [{ code: 'breached_password' }],
  pattern_mismatch: [{ code: 'pattern_mismatch', id: 'two_digits', index: 0, message: null }],
};

const ids = Object.keys(locales) as LocaleId[];
const allViolations: Violation[] = Object.values(violationSamples).flat();
const allRequirements: Requirement[] = Object.values(requirementSamples).flat();

describe('locales', () => {
  it('are the five promised, each with a message function for every code', () => {
    expect(ids).toEqual(['en', 'de', 'fr', 'nl', 'es']);
    for (const id of ids) {
      expect(Object.keys(locales[id].violations).sort()).toEqual([...VIOLATION_CODES].sort());
      expect(Object.keys(locales[id].requirements).sort()).toEqual([...REQUIREMENT_CODES].sort());
    }
    expect(VIOLATION_CODES).toHaveLength(18);
  });

  it('turn every violation into a distinct non-empty sentence per locale', () => {
    for (const id of ids) {
      const texts = allViolations.map((v) => formatViolation(v, { locale: id }));
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(texts).size).toBe(texts.length);
      if (id !== 'en') {
        const english = allViolations.map((v) => formatViolation(v));
        expect(texts.filter((t, i) => t === english[i])).toEqual([]);
      }
    }
  });

  it('turn every requirement into a non-empty line per locale', () => {
    for (const id of ids) {
      const texts = allRequirements.map((r) => formatRequirement(r, { locale: id }));
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('put the data into the sentence', () => {
    expect(formatViolation({ code: 'too_short', minimum: 8, actual: 5 })).toBe(
      'Use at least 8 characters (currently 5).',
    );
    expect(formatViolation({ code: 'too_short', minimum: 8, actual: 5 }, { locale: 'de' })).toBe(
      'Verwenden Sie mindestens 8 Zeichen (derzeit 5).',
    );
    expect(
      formatViolation(
        { code: 'too_few_classes', minimum: 3, actual: 1, classes: ['uppercase', 'digit', 'special'] },
        { locale: 'fr' },
      ),
    ).toBe('Utilisez au moins 3 de ces types : majuscules, chiffres et caractères spéciaux.');
  });

  it('accept caller overrides and a whole custom locale', () => {
    const v: Violation = { code: 'common_password' };
    expect(
      formatViolation(v, {
        locale: 'nl',
        messages: { violations: { common_password: () => 'Te makkelijk.' } },
      }),
    ).toBe('Te makkelijk.');
    const pirate = { ...locales.en, violations: { ...locales.en.violations, common_password: () => 'Arr.' } };
    expect(formatViolation(v, { locale: pirate })).toBe('Arr.');
    const lines = describePolicy(presets.mailbox, {
      locale: 'es',
      messages: { requirements: { too_short: (r) => `mín. ${r.minimum}` } },
    });
    expect(lines.map((l) => l.text).slice(0, 2)).toEqual(['mín. 8', 'Como máximo 128 caracteres']);
  });

  it('fall back to the code when a hand-made locale lacks a message', () => {
    const partial = { ...locales.en, violations: {} } as unknown as LocaleMessages;
    expect(formatViolation({ code: 'common_password' }, { locale: partial })).toBe('common_password');
  });

  it('refuse an unknown locale id', () => {
    expect(() => formatViolation({ code: 'common_password' }, { locale: 'xx' as LocaleId })).toThrow(
      RangeError,
    );
  });
});
