import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  definePolicy,
  describePolicy,
  generatePassword,
  PassrotateError,
  presets,
  validatePassword,
} from '../../src/index.js';

const CLASS_CODES = [
  'missing_uppercase',
  'missing_lowercase',
  'missing_digit',
  'missing_special',
  'too_few_classes',
];

describe('passphraseLength (the passphrase exemption)', () => {
  const policy = definePolicy({ ...presets.mailbox, minClasses: { count: 3 }, passphraseLength: 20 });

  it('waives the composition rules from that many code points on, not before', () => {
    expect(validatePassword(policy, 'correct horse battery').ok).toBe(true); // 21 code points
    expect(validatePassword(policy, 'correct horse batter').ok).toBe(true); // exactly 20
    expect(validatePassword(policy, 'correct horse batte').violations.map((v) => v.code)).toEqual([
      'missing_uppercase',
      'missing_digit',
      'missing_special',
      'too_few_classes',
    ]);
    // Counted in code points, not UTF-16 units: 10 emoji are 20 units but 10 code points.
    expect(validatePassword(policy, '😀'.repeat(10)).violations.map((v) => v.code)).toContain(
      'missing_uppercase',
    );
  });

  it('keeps length, blocklist, account and similarity rules for long passwords', () => {
    const codes = (pw: string, context = {}) =>
      validatePassword(policy, pw, context).violations.map((v) => v.code);
    expect(codes('x'.repeat(129))).toEqual(['too_long']);
    expect(codes('alice likes long walks outside', { account: 'alice@example.org' })).toEqual([
      'contains_account',
    ]);
    expect(
      codes('correct horse battery staple', { currentPassword: 'correct horse battery staples' }),
    ).toEqual(['too_similar_to_current']);
    const withWord = definePolicy({ ...policy, blockedWords: ['horse'] });
    expect(validatePassword(withWord, 'correct horse battery staple').violations).toEqual([
      { code: 'common_password' },
    ]);
  });

  it('is refused outside minLength…maxLength and accepted as a resolved policy', () => {
    expect(() => definePolicy({ minLength: 12, passphraseLength: 10 })).toThrow(PassrotateError);
    expect(() => definePolicy({ maxLength: 30, passphraseLength: 31 })).toThrow(/passphraseLength/);
    expect(definePolicy({ ...policy }).passphraseLength).toBe(20);
    expect(presets.mailbox.passphraseLength).toBeNull();
  });

  it('says so in the requirement lines, in every locale', () => {
    const lines = (locale: 'en' | 'de') =>
      describePolicy(policy, { locale })
        .filter((l) => CLASS_CODES.includes(l.code))
        .map((l) => l.text);
    expect(lines('en')[0]).toBe('At least 1 uppercase letter (from 20 characters on, not needed)');
    expect(lines('de')[0]).toBe('Mindestens 1 Großbuchstabe (ab 20 Zeichen nicht nötig)');
    expect(describePolicy(presets.mailbox).map((l) => l.text)).not.toContain(
      expect.stringContaining('not needed'),
    );
  });

  it('property: from passphraseLength on no composition violation; below it the same as without', () => {
    fc.assert(
      fc.property(
        fc.record({
          minLength: fc.integer({ min: 1, max: 20 }),
          span: fc.integer({ min: 0, max: 30 }),
          minUppercase: fc.integer({ min: 0, max: 3 }),
          minDigit: fc.integer({ min: 0, max: 3 }),
          minSpecial: fc.integer({ min: 0, max: 3 }),
          classes: fc.integer({ min: 1, max: 4 }),
        }),
        fc.string({ unit: fc.constantFrom(...'abcdeXY1!é '), maxLength: 60 }),
        (r, password) => {
          const base = {
            minLength: r.minLength,
            maxLength: 64,
            minUppercase: r.minUppercase,
            minDigit: r.minDigit,
            minSpecial: r.minSpecial,
            minClasses: { count: r.classes },
            blocklist: false,
            requireNormalized: false,
          };
          const from = r.minLength + r.span;
          const exempt = definePolicy({ ...base, passphraseLength: from });
          const strict = definePolicy(base);
          const got = validatePassword(exempt, password).violations;
          const length = [...password].length;
          if (length >= from) {
            expect(got.filter((v) => CLASS_CODES.includes(v.code))).toEqual([]);
            expect(got).toEqual(
              validatePassword(strict, password).violations.filter((v) => !CLASS_CODES.includes(v.code)),
            );
          } else {
            expect(got).toEqual(validatePassword(strict, password).violations);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the generator still meets the policy', () => {
    for (let i = 0; i < 50; i++) expect(validatePassword(policy, generatePassword(policy)).ok).toBe(true);
  });
});
