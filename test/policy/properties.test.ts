import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CharacterClass,
  definePolicy,
  describePolicy,
  type Policy,
  type PolicySpec,
  presets,
  VIOLATION_CODES,
  validatePassword,
} from '../../src/index.js';

const classes: CharacterClass[] = ['uppercase', 'lowercase', 'digit', 'special'];

/** Random satisfiable specs. */
const specArb: fc.Arbitrary<PolicySpec> = fc
  .record({
    minLength: fc.integer({ min: 1, max: 40 }),
    extra: fc.integer({ min: 0, max: 100 }),
    minUppercase: fc.integer({ min: 0, max: 3 }),
    minLowercase: fc.integer({ min: 0, max: 3 }),
    minDigit: fc.integer({ min: 0, max: 3 }),
    minSpecial: fc.integer({ min: 0, max: 3 }),
    minClasses: fc.option(
      fc.integer({ min: 1, max: 4 }).map((count) => ({ count })),
      { nil: undefined },
    ),
    allowedCharacters: fc.constantFrom('any' as const, 'printable_ascii' as const),
    maxRepeated: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    maxSequence: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
    blocklist: fc.boolean(),
    accountCheck: fc.boolean(),
    historySize: fc.integer({ min: 0, max: 5 }),
    rejectBreached: fc.boolean(),
    similarity: fc.constantFrom(false as const, { minEditDistance: 2 }),
  })
  .map(({ extra, ...spec }) => {
    const required = spec.minUppercase + spec.minLowercase + spec.minDigit + spec.minSpecial;
    const { minClasses, maxRepeated, maxSequence, ...rest } = spec;
    return {
      ...rest,
      maxLength: Math.max(spec.minLength, required, minClasses?.count ?? 0) + extra,
      ...(minClasses === undefined ? {} : { minClasses }),
      ...(maxRepeated === undefined ? {} : { maxRepeated }),
      ...(maxSequence === undefined ? {} : { maxSequence }),
    };
  });

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({
    unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    maxLength: 20,
  }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
);

const contextArb = fc.record(
  {
    account: fc.string({ unit: 'binary', maxLength: 40 }),
    displayName: fc.string({ unit: 'grapheme', maxLength: 20 }),
    currentPassword: anyString,
    confirmation: anyString,
  },
  { requiredKeys: [] },
);

const policies: Policy[] = [presets.mailbox, presets.nist, presets.strict];

describe('validation properties', () => {
  it('never throws on any string and reports only known codes', () => {
    fc.assert(
      fc.property(specArb, anyString, contextArb, (spec, password, context) => {
        const result = validatePassword(definePolicy(spec), password, context);
        expect(result.ok).toBe(result.violations.length === 0);
        for (const v of result.violations) expect(VIOLATION_CODES).toContain(v.code);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws for the presets on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), anyString, (policy, password) => {
        validatePassword(policy, password, { account: 'alice@example.org', currentPassword: password });
      }),
      { numRuns: 1000 },
    );
  });

  it('never puts the password into a violation', () => {
    // Codes, reasons and the special set hold no uppercase letter, so such a password cannot appear by chance.
    const withUpper = fc
      .tuple(anyString, fc.constantFrom(...'ABCXYZ'), anyString)
      .map(([a, upper, b]) => `${a}${upper}${b}`);
    fc.assert(
      fc.property(specArb, withUpper, (spec, password) => {
        const result = validatePassword(definePolicy(spec), password, {
          account: `${password}@example.org`,
          displayName: password,
          currentPassword: `${password}x`,
          confirmation: `x${password}`,
        });
        expect(JSON.stringify(result)).not.toContain(JSON.stringify(password).slice(1, -1));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 1 MB inputs of any content with too_long', () => {
    for (const unit of ['a', '😀', '\ud800', '\t', 'é']) {
      const password = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const result = validatePassword(presets.strict, password, {
        account: 'a@b.c',
        currentPassword: password,
      });
      expect(result.violations.map((v) => v.code)).toEqual(['too_long']);
    }
  });

  it('reports too_short/too_long exactly by code point count', () => {
    fc.assert(
      fc.property(specArb, fc.string({ unit: 'grapheme', maxLength: 150 }), (spec, password) => {
        const policy = definePolicy(spec);
        const length = [...password].length;
        const codes = validatePassword(policy, password).violations.map((v) => v.code);
        expect(codes.includes('too_short')).toBe(length < policy.minLength);
        expect(codes.includes('too_long')).toBe(length > policy.maxLength);
      }),
      { numRuns: 300 },
    );
  });

  it('describePolicy has a line for every active rule', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const policy = definePolicy(spec);
        const codes = new Set(describePolicy(policy).map((l) => l.code));
        const expected: [boolean, string][] = [
          [true, 'too_short'],
          [true, 'too_long'],
          [true, 'disallowed_character'],
          [policy.minUppercase > 0, 'missing_uppercase'],
          [policy.minLowercase > 0, 'missing_lowercase'],
          [policy.minDigit > 0, 'missing_digit'],
          [policy.minSpecial > 0, 'missing_special'],
          [policy.minClasses !== null, 'too_few_classes'],
          [policy.maxRepeated !== null, 'repeated_characters'],
          [policy.maxSequence !== null, 'sequential_characters'],
          [policy.blocklist, 'common_password'],
          [policy.accountCheck, 'contains_account'],
          [policy.similarity !== null, 'too_similar_to_current'],
          [policy.historySize > 0, 'reused_password'],
          [policy.rejectBreached, 'breached_password'],
        ];
        for (const [active, code] of expected) expect(codes.has(code as never)).toBe(active);
      }),
      { numRuns: 300 },
    );
  });

  it('every violation a policy reports has a describing line (except confirmation)', () => {
    fc.assert(
      fc.property(specArb, anyString, contextArb, (spec, password, context) => {
        const policy = definePolicy(spec);
        const covered = new Set(describePolicy(policy).flatMap((l) => l.codes));
        for (const v of validatePassword(policy, password, context).violations) {
          if (v.code === 'confirmation_mismatch' || v.code === 'same_as_current') continue;
          expect(covered.has(v.code)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('class counts agree with a plain reference count', () => {
    const p = definePolicy({
      minLength: 1,
      minUppercase: 50,
      minLowercase: 50,
      minDigit: 50,
      minSpecial: 50,
      maxLength: 4000,
      blocklist: false,
    });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (password) => {
        const chars = [...password];
        const count = (re: RegExp) => chars.filter((c) => re.test(c)).length;
        const got = Object.fromEntries(
          validatePassword(p, password)
            .violations.filter((v) => 'actual' in v && v.code.startsWith('missing_'))
            .map((v) => [v.code, (v as { actual: number }).actual]),
        );
        expect(got).toEqual({
          missing_uppercase: count(/^[\p{Lu}\p{Lt}]$/u),
          missing_lowercase: count(/^\p{Ll}$/u),
          missing_digit: count(/^\p{Nd}$/u),
          missing_special: chars.filter((c) => p.specialCharacters.includes(c)).length,
        });
      }),
      { numRuns: 300 },
    );
    expect(classes).toHaveLength(4);
  });
});
