/** @module fast-check arbitraries over `definePolicy` specs, for the generator's properties. */
import fc from 'fast-check';
import {
  type CharacterClass,
  DEFAULT_SPECIAL_CHARACTERS,
  definePolicy,
  PassrotateError,
  type Policy,
  type PolicySpec,
} from '../../src/index.js';

const CLASSES: CharacterClass[] = ['uppercase', 'lowercase', 'digit', 'special'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Specs that may or may not be satisfiable; {@link satisfiablePolicy} keeps those definePolicy accepts. */
export const policySpec: fc.Arbitrary<PolicySpec> = fc
  .record({
    minLength: fc.integer({ min: 1, max: 40 }),
    extraLength: fc.integer({ min: 0, max: 60 }),
    minUppercase: fc.integer({ min: 0, max: 3 }),
    minLowercase: fc.integer({ min: 0, max: 3 }),
    minDigit: fc.integer({ min: 0, max: 3 }),
    minSpecial: fc.integer({ min: 0, max: 3 }),
    specials: fc.option(fc.subarray([...DEFAULT_SPECIAL_CHARACTERS], { minLength: 8 }), { nil: undefined }),
    minClasses: fc.option(
      fc
        .subarray(CLASSES, { minLength: 1 })
        .chain((of) => fc.record({ count: fc.integer({ min: 1, max: of.length }), of: fc.constant(of) })),
      { nil: undefined },
    ),
    allowed: fc.constantFrom('any', 'printable_ascii', 'custom'),
    maxRepeated: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    maxSequence: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
    blocklist: fc.boolean(),
    blockedWords: fc.option(fc.constantFrom(['acme'], ['mail', 'post']), { nil: undefined }),
    passphraseFrom: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    alnumPattern: fc.boolean(),
  })
  .map((r) => {
    const minimums: Record<CharacterClass, number> = {
      uppercase: r.minUppercase,
      lowercase: r.minLowercase,
      digit: r.minDigit,
      special: r.minSpecial,
    };
    // Characters any compliant password needs: the class minimums plus one per class minClasses still lacks.
    const missing = r.minClasses
      ? Math.max(0, r.minClasses.count - r.minClasses.of.filter((c) => minimums[c] > 0).length)
      : 0;
    const required = r.minUppercase + r.minLowercase + r.minDigit + r.minSpecial + missing;
    const specialCharacters = r.specials?.join('');
    const allowedCharacters: PolicySpec['allowedCharacters'] =
      r.allowed === 'custom' ? { custom: ALNUM + (specialCharacters ?? ',.-_!#') } : r.allowed;
    const maxLength = Math.max(r.minLength, required) + r.extraLength;
    return {
      minLength: r.minLength,
      maxLength,
      minUppercase: r.minUppercase,
      minLowercase: r.minLowercase,
      minDigit: r.minDigit,
      minSpecial: r.minSpecial,
      ...(specialCharacters === undefined ? {} : { specialCharacters }),
      ...(r.minClasses === undefined ? {} : { minClasses: r.minClasses }),
      allowedCharacters,
      ...(r.maxRepeated === undefined ? {} : { maxRepeated: r.maxRepeated }),
      ...(r.maxSequence === undefined ? {} : { maxSequence: r.maxSequence }),
      blocklist: r.blocklist,
      ...(r.blockedWords === undefined ? {} : { blockedWords: r.blockedWords }),
      ...(r.passphraseFrom === undefined
        ? {}
        : { passphraseLength: Math.min(maxLength, r.minLength + r.passphraseFrom) }),
      // A regex the generator meets only by retrying; a free position makes it reachable.
      ...(r.alnumPattern && maxLength > required ? { patterns: [{ regex: '[0-9A-Za-z]' }] } : {}),
    };
  });

/** The policies among `specs` that definePolicy accepts (so some password satisfies them). */
export function satisfiable(specs: fc.Arbitrary<PolicySpec>): fc.Arbitrary<Policy> {
  return specs
    .map((spec) => {
      try {
        return definePolicy(spec);
      } catch (error) {
        if (error instanceof PassrotateError && error.code === 'invalid_policy') return null;
        throw error;
      }
    })
    .filter((policy): policy is Policy => policy !== null);
}

/** Random policies that some password satisfies. */
export const satisfiablePolicy: fc.Arbitrary<Policy> = satisfiable(policySpec);
