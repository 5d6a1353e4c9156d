import { describe, expect, it } from 'vitest';
import { definePolicy, type Violation, validatePassword } from '../../src/index.js';

/** A policy with nothing but the rule under test. */
const bare = { blocklist: false, accountCheck: false, minLength: 1 } as const;

function codes(violations: readonly Violation[]): string[] {
  return violations.map((v) => v.code);
}

describe('length (code points)', () => {
  const p = definePolicy({ ...bare, minLength: 4, maxLength: 6 });
  it('counts an emoji as one character', () => {
    expect(validatePassword(p, '😀😀😀').violations).toEqual([{ code: 'too_short', minimum: 4, actual: 3 }]);
    expect(validatePassword(p, '😀😀😀😀').ok).toBe(true);
    expect(validatePassword(p, '😀😀😀😀😀😀').ok).toBe(true);
  });
  it('reports too_long with the actual count', () => {
    expect(validatePassword(p, 'abcdefg').violations).toEqual([{ code: 'too_long', maximum: 6, actual: 7 }]);
  });
  it('refuses megabyte input with only too_long', () => {
    const result = validatePassword(p, '\t'.repeat(1_000_000));
    expect(result.violations).toEqual([{ code: 'too_long', maximum: 6, actual: 1_000_000 }]);
  });
  it('still reports the other rules for a moderately long password', () => {
    expect(codes(validatePassword(p, 'abcdefgh\t').violations)).toEqual(['too_long', 'disallowed_character']);
  });
});

describe('character classes', () => {
  const p = definePolicy({ ...bare, minUppercase: 2, minLowercase: 1, minDigit: 1, minSpecial: 1 });
  it('reports each missing class with its count', () => {
    expect(validatePassword(p, 'Ab').violations).toEqual([
      { code: 'missing_uppercase', minimum: 2, actual: 1 },
      { code: 'missing_digit', minimum: 1, actual: 0 },
      { code: 'missing_special', minimum: 1, actual: 0, characters: p.specialCharacters },
    ]);
  });
  it('classifies Unicode letters by case and Unicode digits', () => {
    expect(validatePassword(p, 'ÉΩß٣!').ok).toBe(true);
    expect(codes(validatePassword(p, '中文字٣!').violations)).toEqual([
      'missing_uppercase',
      'missing_lowercase',
    ]);
  });
  it('counts every ASCII punctuation character as special by default', () => {
    for (const ch of ',./!@#$%^&*-_[]{}') expect(validatePassword(p, `ABc1${ch}`).ok).toBe(true);
    expect(codes(validatePassword(p, 'ABc1 €').violations)).toEqual(['missing_special']);
  });
  it('uses a configured special set only', () => {
    const q = definePolicy({ ...bare, minSpecial: 1, specialCharacters: '€#' });
    expect(validatePassword(q, 'a€').ok).toBe(true);
    expect(validatePassword(q, 'a!').violations).toEqual([
      { code: 'missing_special', minimum: 1, actual: 0, characters: '#€' },
    ]);
  });
});

describe('N of M classes', () => {
  const p = definePolicy({ ...bare, minClasses: { count: 3 } });
  it('counts distinct classes', () => {
    expect(validatePassword(p, 'abcDEF').violations).toEqual([
      {
        code: 'too_few_classes',
        minimum: 3,
        actual: 2,
        classes: ['uppercase', 'lowercase', 'digit', 'special'],
      },
    ]);
    expect(validatePassword(p, 'abc1!').ok).toBe(true);
  });
  it('only counts the listed classes', () => {
    const q = definePolicy({ ...bare, minClasses: { count: 2, of: ['digit', 'special'] } });
    expect(validatePassword(q, 'abcDEF1').violations).toEqual([
      { code: 'too_few_classes', minimum: 2, actual: 1, classes: ['digit', 'special'] },
    ]);
    expect(validatePassword(q, 'a1!').ok).toBe(true);
  });
});

describe('allowed and refused characters', () => {
  it('always refuses control characters, whatever the policy', () => {
    const p = definePolicy(bare);
    for (const ch of ['\t', '\r', '\n', '\0', '\x7f', '\x85', '\u2028']) {
      expect(validatePassword(p, `ab${ch}cd`).violations).toEqual([
        { code: 'disallowed_character', reason: 'control' },
      ]);
    }
  });
  it('refuses characters outside printable ASCII', () => {
    const p = definePolicy({ ...bare, allowedCharacters: 'printable_ascii' });
    expect(validatePassword(p, 'a b~').ok).toBe(true);
    expect(validatePassword(p, 'abé').violations).toEqual([
      { code: 'disallowed_character', reason: 'not_allowed' },
    ]);
    expect(validatePassword(p, 'ab😀').violations).toEqual([
      { code: 'disallowed_character', reason: 'not_allowed' },
    ]);
  });
  it('refuses characters outside a custom set, one violation per reason', () => {
    const p = definePolicy({ ...bare, allowedCharacters: { custom: 'abc€' } });
    expect(validatePassword(p, 'ab€c').ok).toBe(true);
    expect(validatePassword(p, 'abd\t').violations).toEqual([
      { code: 'disallowed_character', reason: 'control' },
      { code: 'disallowed_character', reason: 'not_allowed' },
    ]);
  });
  it('refuses lone surrogates and unnormalised text', () => {
    const p = definePolicy(bare);
    expect(validatePassword(p, 'ab\ud800c').violations).toEqual([
      { code: 'disallowed_character', reason: 'lone_surrogate' },
    ]);
    expect(validatePassword(p, 'ab\udc00').violations).toEqual([
      { code: 'disallowed_character', reason: 'lone_surrogate' },
    ]);
    for (const text of ['cafe\u0301', 'Ａbc', 'ﬁne', 'x²']) {
      expect(validatePassword(p, text).violations).toEqual([
        { code: 'disallowed_character', reason: 'not_normalized' },
      ]);
    }
    expect(validatePassword(p, 'café Ωмир 中文 😀').ok).toBe(true);
  });
  it('accepts unnormalised text when requireNormalized is false', () => {
    expect(validatePassword(definePolicy({ ...bare, requireNormalized: false }), 'cafe\u0301').ok).toBe(true);
  });
});

describe('repeated characters', () => {
  const p = definePolicy({ ...bare, maxRepeated: 2 });
  it('allows the maximum run and refuses a longer one', () => {
    expect(validatePassword(p, 'aabba').ok).toBe(true);
    expect(validatePassword(p, 'xaaab').violations).toEqual([
      { code: 'repeated_characters', maximum: 2, actual: 3 },
    ]);
    expect(validatePassword(p, '😀😀😀').violations).toEqual([
      { code: 'repeated_characters', maximum: 2, actual: 3 },
    ]);
  });
  it('is case-sensitive', () => {
    expect(validatePassword(p, 'aAaA').ok).toBe(true);
  });
});

describe('sequences', () => {
  const p = definePolicy({ ...bare, maxSequence: 3 });
  it.each([
    'abcd',
    'DCBA',
    '4321',
    '6789',
    '7890',
    'qwer',
    'ASDF',
    'lkjh',
    'zxcv',
    'qwertz',
    'azer',
    '!@#$',
    'xyz0123',
  ])('refuses %s', (text) => {
    expect(codes(validatePassword(p, `-${text}-`).violations)).toEqual(['sequential_characters']);
  });
  it.each(['abc', 'a1b2c3', 'acegi', 'aabbcc', 'qwe-rty', '9a8b7c'])('allows %s', (text) => {
    expect(validatePassword(p, text).ok).toBe(true);
  });
  it('reports the longest sequence', () => {
    expect(validatePassword(p, 'abcdefg').violations).toEqual([
      { code: 'sequential_characters', maximum: 3, actual: 7 },
    ]);
  });
});

describe('account check', () => {
  const p = definePolicy({ ...bare, accountCheck: true });
  const context = { account: 'alice.martin@mail.example-host.co.uk', displayName: 'Zoë Durand' };
  it.each([
    ['Alice-2025!', 'local_part'],
    ['xMARTINx', 'local_part'],
    ['@l1ce-rocks', 'local_part'],
    ['Example9!', 'domain'],
    ['my-host-pw', 'domain'],
    ['durand!!', 'display_name'],
    ['zoë-1', 'display_name'],
  ])('refuses %s (%s)', (password, part) => {
    expect(validatePassword(p, password, context).violations).toEqual([{ code: 'contains_account', part }]);
  });
  it('ignores tokens shorter than 3 characters and the TLD', () => {
    const q = { account: 'al@ex.uk' };
    expect(validatePassword(p, 'al-ex-uk', q).ok).toBe(true);
    expect(validatePassword(p, 'uk-only-9', { account: 'bob@example.uk' }).ok).toBe(true);
  });
  it('reports every part found, and nothing without a context', () => {
    expect(codes(validatePassword(p, 'alice@example', context).violations)).toEqual([
      'contains_account',
      'contains_account',
    ]);
    expect(validatePassword(p, 'alice@example').ok).toBe(true);
  });
  it('can be turned off', () => {
    expect(validatePassword(definePolicy(bare), 'alice', context).ok).toBe(true);
  });
});

describe('similarity to the current password', () => {
  const p = definePolicy({ ...bare, similarity: { minEditDistance: 3 } });
  it('refuses the same password', () => {
    expect(validatePassword(p, 'Secret-1', { currentPassword: 'Secret-1' }).violations).toEqual([
      { code: 'same_as_current' },
    ]);
  });
  it('refuses a close variant with its edit distance', () => {
    expect(validatePassword(p, 'Summer2025!', { currentPassword: 'Summer2024!' }).violations).toEqual([
      { code: 'too_similar_to_current', minimum: 3, actual: 1 },
    ]);
    expect(validatePassword(p, 'sECRET-1', { currentPassword: 'Secret-1' }).violations).toEqual([
      { code: 'too_similar_to_current', minimum: 3, actual: 0 },
    ]);
  });
  it('refuses a password containing the current one (or contained in it)', () => {
    expect(validatePassword(p, 'Xy!Secret-1-2026', { currentPassword: 'secret-1' }).violations).toEqual([
      { code: 'too_similar_to_current', minimum: 3, actual: 8 },
    ]);
    expect(validatePassword(p, 'Secret', { currentPassword: 'My-Secret-Phrase' }).violations).toEqual([
      { code: 'too_similar_to_current', minimum: 3, actual: 10 },
    ]);
  });
  it('accepts a different password', () => {
    expect(validatePassword(p, 'Tulip-Ocean-7', { currentPassword: 'Secret-1' }).ok).toBe(true);
  });
  it('only compares an absurdly long current password for equality', () => {
    const current = 'Tulip-Ocean-7'.repeat(100_000);
    expect(validatePassword(p, 'Tulip-Ocean-7', { currentPassword: current }).ok).toBe(true);
  });
  it('still refuses the same password when similarity is off', () => {
    const q = definePolicy({ ...bare, similarity: false });
    expect(codes(validatePassword(q, 'abc', { currentPassword: 'abc' }).violations)).toEqual([
      'same_as_current',
    ]);
    expect(validatePassword(q, 'abd', { currentPassword: 'abc' }).ok).toBe(true);
  });
});

describe('confirmation', () => {
  const p = definePolicy(bare);
  it('reports a mismatch, and nothing when confirmation is absent', () => {
    expect(validatePassword(p, 'abc', { confirmation: 'abd' }).violations).toEqual([
      { code: 'confirmation_mismatch' },
    ]);
    expect(validatePassword(p, 'abc', { confirmation: 'abc' }).ok).toBe(true);
    expect(validatePassword(p, 'abc', {}).ok).toBe(true);
  });
  it('is reported for absurd input too', () => {
    expect(codes(validatePassword(p, 'x'.repeat(600), { confirmation: 'x' }).violations)).toEqual([
      'too_long',
      'confirmation_mismatch',
    ]);
  });
});

describe('programmer errors', () => {
  it('throws TypeError for a hand-made policy or a non-string password', () => {
    const p = definePolicy();
    expect(() => validatePassword({ ...p }, 'x')).toThrow(TypeError);
    expect(() => validatePassword(p, 42 as unknown as string)).toThrow(TypeError);
    expect(() => validatePassword(p, 'x', null as never)).toThrow(TypeError);
    expect(() => validatePassword(p, 'x', { displayName: 7 } as never)).toThrow(
      'context.account and context.displayName',
    );
    expect(() => validatePassword(p, 'x', { currentPassword: 7 } as never)).toThrow(
      'context.currentPassword',
    );
    expect(() => validatePassword(p, 'x', { confirmation: 7 } as never)).toThrow('context.confirmation');
  });
  it('returns the same frozen ok result', () => {
    const p = definePolicy(bare);
    const r = validatePassword(p, 'fine');
    expect(r).toEqual({ ok: true, violations: [] });
    expect(Object.isFrozen(r)).toBe(true);
  });
});
