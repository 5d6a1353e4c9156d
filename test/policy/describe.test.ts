import { describe, expect, it } from 'vitest';
import {
  checkRequirements,
  definePolicy,
  describePolicy,
  presets,
  toHtmlAttributes,
  toPasswordRules,
} from '../../src/index.js';

describe('describePolicy', () => {
  it('lists the mailbox preset requirements in English', () => {
    expect(describePolicy(presets.mailbox).map((l) => [l.code, l.text])).toEqual([
      ['too_short', 'At least 8 characters'],
      ['too_long', 'At most 128 characters'],
      ['missing_uppercase', 'At least 1 uppercase letter'],
      ['missing_lowercase', 'At least 1 lowercase letter'],
      ['missing_digit', 'At least 1 digit'],
      ['missing_special', `At least 1 special character (${presets.mailbox.specialCharacters})`],
      ['disallowed_character', 'No control characters such as tabs or line breaks'],
      ['common_password', 'Not a common password'],
      ['contains_account', 'Does not contain your name, mailbox name or domain'],
      ['too_similar_to_current', 'Clearly different from the current password'],
    ]);
  });

  it('covers same_as_current with the similarity line', () => {
    const line = describePolicy(presets.nist).find((l) => l.code === 'too_similar_to_current');
    expect(line?.codes).toEqual(['same_as_current', 'too_similar_to_current']);
  });
});

describe('checkRequirements', () => {
  it('ticks lines live against the typed password', () => {
    const state = Object.fromEntries(
      checkRequirements(presets.mailbox, 'qzvDEF12', { account: 'bob@example.org' }).map((l) => [
        l.code,
        l.met,
      ]),
    );
    expect(state).toEqual({
      too_short: true,
      too_long: true,
      missing_uppercase: true,
      missing_lowercase: true,
      missing_digit: true,
      missing_special: false,
      disallowed_character: true,
      common_password: true,
      contains_account: true,
      too_similar_to_current: null,
    });
  });

  it('judges only the length of absurdly long input', () => {
    const state = Object.fromEntries(
      checkRequirements(presets.mailbox, 'a'.repeat(10_000)).map((l) => [l.code, l.met]),
    );
    expect(state).toMatchObject({
      too_short: true,
      too_long: false,
      missing_uppercase: null,
      common_password: null,
    });
  });

  it('marks lines it cannot judge as null', () => {
    const p = definePolicy({ historySize: 3, rejectBreached: true });
    const state = Object.fromEntries(checkRequirements(p, 'password').map((l) => [l.code, l.met]));
    expect(state).toMatchObject({
      common_password: false,
      contains_account: null,
      too_similar_to_current: null,
      reused_password: null,
      breached_password: null,
    });
    const similar = checkRequirements(p, 'password', { currentPassword: 'password' });
    expect(similar.find((l) => l.code === 'too_similar_to_current')?.met).toBe(false);
  });
});

describe('toPasswordRules', () => {
  it('writes the classic rule with a custom special class', () => {
    const p = definePolicy({
      minLength: 8,
      minUppercase: 1,
      minLowercase: 1,
      minDigit: 1,
      minSpecial: 1,
      specialCharacters: ',./!@#$%^&*',
    });
    expect(toPasswordRules(p)).toBe(
      'minlength: 8; maxlength: 128; required: lower; required: upper; required: digit; required: [!#$%&*,./@^];',
    );
  });

  it('puts - first and ] last in custom classes', () => {
    const p = definePolicy({
      minSpecial: 1,
      specialCharacters: ']-!',
      allowedCharacters: { custom: 'ab-]!€' },
    });
    expect(toPasswordRules(p)).toBe('minlength: 8; maxlength: 128; required: [-!]]; allowed: [-!ab]];');
  });

  it('writes N of M as its first N classes, printable ASCII and max-consecutive', () => {
    const p = definePolicy({
      minClasses: { count: 2, of: ['digit', 'uppercase'] },
      allowedCharacters: 'printable_ascii',
      maxRepeated: 2,
    });
    expect(toPasswordRules(p)).toBe(
      'minlength: 8; maxlength: 128; required: upper; required: digit; allowed: ascii-printable; max-consecutive: 2;',
    );
  });

  it('does not repeat a class required twice', () => {
    const p = definePolicy({ minDigit: 1, minClasses: { count: 1, of: ['digit'] } });
    expect(toPasswordRules(p)).toBe('minlength: 8; maxlength: 128; required: digit;');
  });
});

describe('toHtmlAttributes', () => {
  it('gives the input attributes, maxlength in UTF-16 units', () => {
    expect(toHtmlAttributes(presets.nist)).toEqual({
      minlength: '15',
      maxlength: '256',
      passwordrules: 'minlength: 15; maxlength: 128;',
      autocomplete: 'new-password',
    });
  });
});
