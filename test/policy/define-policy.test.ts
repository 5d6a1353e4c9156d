import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPECIAL_CHARACTERS,
  definePolicy,
  PassrotateError,
  PRINTABLE_ASCII,
  presets,
} from '../../src/index.js';

function codeAndMessage(spec: unknown): [string, string] {
  try {
    definePolicy(spec as never);
  } catch (e) {
    if (e instanceof PassrotateError) return [e.code, e.message];
    throw e;
  }
  throw new Error('did not throw');
}

describe('definePolicy', () => {
  it('fills defaults and freezes deeply', () => {
    const p = definePolicy();
    expect(p).toMatchObject({
      minLength: 8,
      maxLength: 128,
      minUppercase: 0,
      specialCharacters: DEFAULT_SPECIAL_CHARACTERS,
      allowedCharacters: { kind: 'any' },
      requireNormalized: true,
      maxRepeated: null,
      maxSequence: null,
      accountCheck: true,
      blocklist: true,
      similarity: { minEditDistance: 3 },
      historySize: 0,
      rejectBreached: false,
      minClasses: null,
    });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.allowedCharacters)).toBe(true);
    expect(Object.isFrozen(p.blockedWords)).toBe(true);
    expect(DEFAULT_SPECIAL_CHARACTERS).toHaveLength(32);
  });

  it('canonicalises sets and resolves classes', () => {
    const p = definePolicy({
      specialCharacters: '*!*,',
      allowedCharacters: 'printable_ascii',
      minClasses: { count: 2, of: ['special', 'digit'] },
      blockedWords: ['ACME', 'acme'],
    });
    expect(p.specialCharacters).toBe('!*,');
    expect(p.allowedCharacters).toEqual({ kind: 'printable_ascii', characters: PRINTABLE_ASCII });
    expect(p.minClasses).toEqual({ count: 2, of: ['digit', 'special'] });
    expect(p.blockedWords).toEqual(['acme']);
  });

  it.each([
    [{ minLength: 20, maxLength: 8 }, 'minLength'],
    [{ maxLength: 3, minUppercase: 1, minLowercase: 1, minDigit: 1, minSpecial: 1 }, 'maxLength'],
    [{ specialCharacters: '', minSpecial: 1 }, 'specialCharacters'],
    [{ specialCharacters: 'a!' }, 'specialCharacters'],
    [{ specialCharacters: '!\t' }, 'specialCharacters'],
    [{ allowedCharacters: { custom: 'abc' }, minDigit: 1 }, 'minDigit'],
    [{ allowedCharacters: { custom: 'abc\n' } }, 'allowedCharacters.custom'],
    [{ minClasses: { count: 3, of: ['digit', 'special'] } }, 'minClasses.count'],
    [{ minLength: 0 }, 'minLength'],
    [{ maxLength: 1.5 }, 'maxLength'],
    [{ minLenght: 8 }, 'minLenght'],
    [{ maxSequence: 1 }, 'maxSequence'],
    [{ allowedCharacters: { custom: 'a' }, maxRepeated: 2 }, 'maxRepeated'],
  ])('refuses %j naming %s', (spec, field) => {
    const [code, message] = codeAndMessage(spec);
    expect(code).toBe('invalid_policy');
    expect(message).toContain(field);
  });
});

describe('a policy as a spec', () => {
  it('extends a preset by spreading it', () => {
    for (const base of [presets.mailbox, presets.nist, presets.strict]) {
      const again = definePolicy(base);
      expect({ ...again }).toEqual({ ...base });
    }
    const custom = definePolicy({ allowedCharacters: { custom: 'abc123' }, minClasses: { count: 2 } });
    expect({ ...definePolicy(custom) }).toEqual({ ...custom });
    const longer = definePolicy({ ...presets.mailbox, minLength: 12 });
    expect([longer.minLength, longer.minUppercase, longer.blocklist]).toEqual([12, 1, true]);
  });

  it('reads null as "off"', () => {
    const p = definePolicy({ maxRepeated: null, maxSequence: null, minClasses: null, similarity: null });
    expect([p.maxRepeated, p.maxSequence, p.minClasses, p.similarity]).toEqual([null, null, null, null]);
  });

  it('survives a JSON round trip', () => {
    const json = JSON.parse(JSON.stringify(presets.strict));
    expect({ ...definePolicy(json) }).toEqual({ ...presets.strict });
  });
});
