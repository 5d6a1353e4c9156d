import { describe, expect, it } from 'vitest';
import { presets, type Violation, validatePassword } from '../../src/index.js';

const codes = (vs: readonly Violation[]): string[] => vs.map((v) => v.code);
const account = { account: 'alice@example.org', displayName: 'Alice Martin' };

describe('presets', () => {
  it('are frozen', () => {
    expect(Object.isFrozen(presets)).toBe(true);
    expect(Object.isFrozen(presets.mailbox)).toBe(true);
  });

  it('mailbox: ≥ 8, every class, blocklist, account check, max ≥ 128', () => {
    const p = presets.mailbox;
    expect([
      p.minLength,
      p.maxLength >= 128,
      p.minUppercase,
      p.minLowercase,
      p.minDigit,
      p.minSpecial,
    ]).toEqual([8, true, 1, 1, 1, 1]);
    expect(validatePassword(p, 'Tulip,Oc3an', account).ok).toBe(true);
    for (const special of ',./!@#$%^&*')
      expect(validatePassword(p, `Tulip${special}Oc3an`, account).ok).toBe(true);
    expect(codes(validatePassword(p, 'Summer2025!', account).violations)).toEqual(['common_password']);
    expect(validatePassword(p, 'Alice#2025x', account).violations).toEqual([
      { code: 'contains_account', part: 'local_part' },
      { code: 'contains_account', part: 'display_name' },
    ]);
    expect(codes(validatePassword(p, 'qzvmk', account).violations)).toEqual([
      'too_short',
      'missing_uppercase',
      'missing_digit',
      'missing_special',
    ]);
  });

  it('nist: ≥ 15, ≥ 64 allowed, no composition rules', () => {
    const p = presets.nist;
    expect(p.minLength).toBe(15);
    expect(p.maxLength).toBeGreaterThanOrEqual(64);
    expect([p.minUppercase, p.minLowercase, p.minDigit, p.minSpecial, p.minClasses]).toEqual([
      0,
      0,
      0,
      0,
      null,
    ]);
    expect(validatePassword(p, 'tulip ocean violin', account).ok).toBe(true);
    expect(validatePassword(p, 'x'.repeat(64), account).ok).toBe(true);
    expect(codes(validatePassword(p, 'tulip ocean', account).violations)).toEqual(['too_short']);
    expect(codes(validatePassword(p, 'martin in wonderland', account).violations)).toEqual([
      'contains_account',
    ]);
  });

  it('strict: ≥ 12, every class, runs and sequences limited, history kept', () => {
    const p = presets.strict;
    expect([p.minLength, p.maxRepeated, p.maxSequence, p.historySize]).toEqual([12, 3, 3, 5]);
    expect(validatePassword(p, 'Tulip,Oc3an!', account).ok).toBe(true);
    expect(codes(validatePassword(p, 'Tulip,Oc3an', account).violations)).toEqual(['too_short']);
    expect(codes(validatePassword(p, 'Tulip,Oc3an!1234', account).violations)).toEqual([
      'sequential_characters',
    ]);
    expect(codes(validatePassword(p, 'Tulip,Oc3an!!!!', account).violations)).toEqual([
      'repeated_characters',
    ]);
  });
});
