import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRequirements,
  definePolicy,
  describePolicy,
  formatViolation,
  generatePassphrase,
  generatePassword,
  locales,
  PATTERN_ATTEMPTS,
  PassrotateError,
  toPasswordRules,
  validatePassword,
} from '../../src/index.js';

describe('patterns (regex rules)', () => {
  const policy = definePolicy({
    minLength: 6,
    blocklist: false,
    patterns: [
      { regex: /([0-9].*){2}/, id: 'two_digits', message: { en: 'Use two digits.', de: 'Zwei Ziffern.' } },
      { regex: '^[a-z]', flags: 'i', message: 'Start with a letter.' },
      { regex: 'x' },
    ],
  });

  it('reports every unmatched pattern with its id and index, after the other rules', () => {
    expect(validatePassword(policy, '1abc').violations).toEqual([
      { code: 'too_short', minimum: 6, actual: 4 },
      {
        code: 'pattern_mismatch',
        id: 'two_digits',
        index: 0,
        message: { en: 'Use two digits.', de: 'Zwei Ziffern.' },
      },
      { code: 'pattern_mismatch', id: 'pattern_1', index: 1, message: { en: 'Start with a letter.' } },
      { code: 'pattern_mismatch', id: 'pattern_2', index: 2, message: null },
    ]);
    expect(validatePassword(policy, 'Abx1-2').ok).toBe(true);
  });

  it('is not waived by passphraseLength', () => {
    const long = definePolicy({ ...policy, passphraseLength: 10 });
    expect(validatePassword(long, 'abcdefghijkx').violations.map((v) => v.code)).toEqual([
      'pattern_mismatch',
    ]);
  });

  it('formats the rule message in the locale, falling back to en, then to a generic sentence', () => {
    const [digits, letter, x] = validatePassword(policy, '1').violations.slice(1);
    expect(formatViolation(digits as never, { locale: 'de' })).toBe('Zwei Ziffern.');
    expect(formatViolation(digits as never, { locale: 'fr' })).toBe('Use two digits.');
    expect(formatViolation(letter as never, { locale: 'nl' })).toBe('Start with a letter.');
    expect(formatViolation(x as never, { locale: 'en' })).toBe(
      'This password does not meet the rule “pattern_2”.',
    );
    for (const locale of Object.keys(locales) as (keyof typeof locales)[]) {
      expect(formatViolation(x as never, { locale })).toContain('pattern_2');
    }
    expect(
      describePolicy(policy, { locale: 'de' })
        .map((l) => l.text)
        .slice(-3),
    ).toEqual(['Zwei Ziffern.', 'Start with a letter.', 'Erfüllt die Regel „pattern_2“']);
  });

  it('checkRequirements ticks each pattern line by its own pattern', () => {
    const met = checkRequirements(policy, 'ab')
      .filter((l) => l.code === 'pattern_mismatch')
      .map((l) => l.met);
    expect(met).toEqual([false, true, false]);
  });

  it('leaves passwordrules alone (a regex cannot be expressed there)', () => {
    const { patterns: _ignored, ...rest } = policy;
    expect(toPasswordRules(policy)).toBe(toPasswordRules(definePolicy(rest)));
  });

  it('refuses stateful flags, invalid regexes and bad messages at definition', () => {
    const code = (spec: object) => {
      try {
        definePolicy(spec);
      } catch (error) {
        return error instanceof PassrotateError ? `${error.code}: ${error.message}` : String(error);
      }
      return 'accepted';
    };
    expect(code({ patterns: [{ regex: /a/g }] })).toMatch(/^invalid_policy: .*patterns\.0\.flags/);
    expect(code({ patterns: [{ regex: 'a', flags: 'y' }] })).toMatch(/patterns\.0\.flags/);
    expect(code({ patterns: [{ regex: '(' }] })).toMatch(/patterns\.0\.regex: is not a valid/);
    expect(code({ patterns: [{ regex: 'a', message: { EN: 'x' } }] })).toMatch(/Invalid locale tag/);
    expect(code({ patterns: [{ regex: 'a', nope: 1 }] })).toMatch(/Unrecognized key/);
  });

  it('generator: retries until the patterns match, then gives up with generation_failed', () => {
    const wordy = definePolicy({ minLength: 12, patterns: [{ regex: '^[A-Za-z]' }, { regex: '[a-z]{3}' }] });
    for (let i = 0; i < 20; i++) {
      expect(validatePassword(policy, generatePassword(policy)).ok).toBe(true);
      expect(validatePassword(wordy, generatePassphrase(wordy)).ok).toBe(true);
    }
    const impossible = definePolicy({ patterns: [{ regex: '^\\s*$' }] });
    expect(() => generatePassword(impossible)).toThrow(
      expect.objectContaining({
        code: 'generation_failed',
        message: expect.stringContaining(String(PATTERN_ATTEMPTS)),
      }),
    );
  });

  it('property: pattern_mismatch is reported exactly for the patterns the password does not match', () => {
    const sources = ['[0-9]', '^[A-Z]', '[!@#]$', '(.)\\1', '^.{0,5}$', '[aeiou].*[aeiou]'];
    fc.assert(
      fc.property(
        fc.subarray(sources, { minLength: 1 }),
        fc.string({ unit: fc.constantFrom(...'aeXZ19!@#b'), maxLength: 12 }),
        (chosen, password) => {
          const p = definePolicy({
            minLength: 1,
            blocklist: false,
            patterns: chosen.map((regex) => ({ regex })),
          });
          const reported = validatePassword(p, password)
            .violations.filter((v) => v.code === 'pattern_mismatch')
            .map((v) => (v.code === 'pattern_mismatch' ? v.index : -1));
          const expected = chosen.flatMap((regex, i) => (new RegExp(regex).test(password) ? [] : [i]));
          expect(reported).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: generated passwords meet reachable patterns', () => {
    fc.assert(
      fc.property(
        fc.subarray(['[0-9].*[0-9]', '[A-Z]', '^[a-z]', '[^A-Za-z0-9]'], { minLength: 1 }),
        fc.integer({ min: 8, max: 24 }),
        (chosen, length) => {
          const p = definePolicy({ minLength: 8, patterns: chosen.map((regex) => ({ regex })) });
          expect(validatePassword(p, generatePassword(p, { length })).ok).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
