import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  definePolicy,
  generatePassword,
  generatePasswordWithEntropy,
  LOOK_ALIKE_CHARACTERS,
  MAIL_SAFE_SPECIAL_CHARACTERS,
  PassrotateError,
  presets,
  validatePassword,
} from '../../src/index.js';
import { satisfiablePolicy } from '../support/policy-specs.js';
import { chiSquare, chiSquareCritical, seededSource } from '../support/seeded-source.js';

function errorOf(run: () => unknown): PassrotateError {
  try {
    run();
  } catch (error) {
    if (error instanceof PassrotateError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('generatePassword', () => {
  it('always passes the policy it was generated for (random satisfiable policies)', () => {
    fc.assert(
      fc.property(satisfiablePolicy, fc.integer(), (policy, seed) => {
        const random = seededSource(seed);
        for (let i = 0; i < 5; i++) {
          const password = generatePassword(policy, { random });
          expect(validatePassword(policy, password).violations).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('honours length, exclusions and the mail-safe set, or names the option it cannot honour', () => {
    let generated = 0;
    fc.assert(
      fc.property(
        satisfiablePolicy,
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.subarray([...'aeiouAEIOU02468#%&'], { maxLength: 6 }),
        fc.integer(),
        (policy, extra, lookAlikes, mailSafe, excluded, seed) => {
          const length = Math.min(policy.maxLength, policy.minLength + extra);
          const options = {
            length,
            excludeLookAlikes: lookAlikes,
            ...(mailSafe ? { specials: 'mail-safe' as const } : {}),
            excludeCharacters: excluded.join(''),
            random: seededSource(seed),
          };
          let password: string;
          try {
            password = generatePassword(policy, options);
          } catch (error) {
            expect(error).toBeInstanceOf(PassrotateError);
            expect((error as PassrotateError).code).toBe('invalid_generator_options');
            return;
          }
          generated++;
          expect(validatePassword(policy, password).violations).toEqual([]);
          expect([...password].length).toBe(length);
          for (const c of password) {
            expect(excluded).not.toContain(c);
            if (lookAlikes) expect(LOOK_ALIKE_CHARACTERS).not.toContain(c);
            if (mailSafe && policy.specialCharacters.includes(c))
              expect(MAIL_SAFE_SPECIAL_CHARACTERS).toContain(c);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(generated).toBeGreaterThan(200);
  });

  it('passes the account check when given the account', () => {
    const context = { account: 'abc@example.org', displayName: 'Ab Cd' };
    const random = seededSource(3);
    for (let i = 0; i < 2000; i++) {
      const password = generatePassword(presets.mailbox, { context, random, length: 8 });
      expect(validatePassword(presets.mailbox, password, context).ok).toBe(true);
    }
  });

  it('reports the entropy of what it draws', () => {
    const log2 = Math.log2;
    // mailbox, 16 characters: one each of 26 upper, 26 lower, 10 digits, 32 specials, 12 from all 94.
    expect(generatePasswordWithEntropy(presets.mailbox).entropyBits).toBeCloseTo(
      2 * log2(26) + log2(10) + log2(32) + 12 * log2(94),
      9,
    );
    // nist has no composition rule: every one of 16 characters from 94.
    expect(generatePasswordWithEntropy(presets.nist).entropyBits).toBeCloseTo(16 * log2(94), 9);
    // Without look-alikes (0 O o 1 I l |): 24 upper, 24 lower, 8 digits, 31 specials; 87 in all.
    expect(
      generatePasswordWithEntropy(presets.nist, { excludeLookAlikes: true, length: 20 }).entropyBits,
    ).toBeCloseTo(20 * log2(87), 9);
    // Mail-safe specials: 7 of them.
    expect(
      generatePasswordWithEntropy(presets.mailbox, { specials: 'mail-safe', length: 10 }).entropyBits,
    ).toBeCloseTo(2 * log2(26) + log2(10) + log2(7) + 6 * log2(69), 9);
  });

  it('lowers the entropy bound by what the repeat/sequence guard may forbid', () => {
    const free = generatePasswordWithEntropy(definePolicy({ minLength: 12 }), { length: 12 }).entropyBits;
    const guarded = generatePasswordWithEntropy(definePolicy({ minLength: 12, maxRepeated: 2 }), {
      length: 12,
    });
    // A run guard forbids at most one character (the repeated one, in either case).
    expect(guarded.entropyBits).toBeLessThan(free);
    expect(guarded.entropyBits).toBeGreaterThanOrEqual(12 * Math.log2(94 - 2));
  });

  it('is repeatable with a seeded random source', () => {
    const a = seededSource(99);
    const b = seededSource(99);
    const first = Array.from({ length: 5 }, () => generatePassword(presets.strict, { random: a }));
    const second = Array.from({ length: 5 }, () => generatePassword(presets.strict, { random: b }));
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(5);
    expect(generatePassword(presets.strict, { random: seededSource(100) })).not.toBe(first[0]);
  });

  it('draws every character equally often (chi-square over 320,000 characters, 93 df)', () => {
    const random = seededSource(2024);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      for (const c of generatePassword(presets.nist, { random, length: 16 }))
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(94);
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareCritical(93));
  });

  it('places the required characters uniformly (chi-square over positions, 7 df)', () => {
    // With an alphabet of digits plus one special and minSpecial 1, the special's position shows the placement.
    const policy = definePolicy({
      minLength: 8,
      minSpecial: 1,
      specialCharacters: '#',
      allowedCharacters: { custom: '0123456789#' },
    });
    const random = seededSource(77);
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 40_000; i++) {
      const password = generatePassword(policy, { random, length: 8 });
      if ([...password].filter((c) => c === '#').length === 1) {
        const at = password.indexOf('#');
        counts[at] = (counts[at] ?? 0) + 1;
      }
    }
    expect(chiSquare(counts)).toBeLessThan(chiSquareCritical(7));
  });

  it('gives every set of positions of three required characters the same chance (chi-square, 55 df)', () => {
    const policy = definePolicy({
      minLength: 8,
      minSpecial: 3,
      specialCharacters: '#',
      allowedCharacters: { custom: '0123456789#' },
    });
    const random = seededSource(78);
    const counts = new Map<string, number>();
    for (let i = 0; i < 40_000; i++) {
      const password = generatePassword(policy, { random, length: 8 });
      const positions = [...password].flatMap((c, at) => (c === '#' ? [at] : []));
      if (positions.length === 3) counts.set(positions.join(), (counts.get(positions.join()) ?? 0) + 1);
    }
    expect(counts.size).toBe(56);
    expect(chiSquare([...counts.values()])).toBeLessThan(chiSquareCritical(55));
  });

  it('refuses impossible requests, naming the option', () => {
    const cases: [() => unknown, string][] = [
      [() => generatePassword(presets.mailbox, { length: 7 }), 'length'],
      [() => generatePassword(presets.mailbox, { length: 129 }), 'length'],
      [() => generatePassword(presets.mailbox, { length: 8.5 }), 'length'],
      [() => generatePassword(presets.mailbox, { pools: ['lowercase', 'uppercase', 'digit'] }), 'pools'],
      [() => generatePassword(presets.mailbox, { excludeCharacters: '0123456789' }), 'excludeCharacters'],
      [
        () =>
          generatePassword(definePolicy({ minLength: 8, minUppercase: 5, minDigit: 5, maxLength: 12 }), {
            length: 9,
          }),
        'length',
      ],
      [
        () => generatePassword(definePolicy({ minClasses: { count: 3 } }), { pools: ['lowercase', 'digit'] }),
        'pools',
      ],
    ];
    for (const [run, option] of cases) {
      const error = errorOf(run);
      expect(error.code).toBe('invalid_generator_options');
      expect(error.message).toContain(option);
    }
  });

  it('terminates with a degenerate random source', () => {
    const constant = { fill: (bytes: Uint8Array) => bytes.fill(7) };
    for (const policy of [presets.mailbox, presets.strict, presets.nist]) {
      expect(validatePassword(policy, generatePassword(policy, { random: constant })).ok).toBe(true);
    }
    const stuck = { fill: (bytes: Uint8Array) => bytes.fill(0xff) };
    expect(errorOf(() => generatePassword(presets.mailbox, { random: stuck })).code).toBe(
      'random_source_failure',
    );
  });

  it('gives up after a bounded number of draws when every password hits a blocked word', () => {
    const policy = definePolicy({
      minLength: 8,
      allowedCharacters: { custom: 'ab' },
      blockedWords: ['ab', 'ba', 'aa', 'bb'],
    });
    const error = errorOf(() => generatePassword(policy));
    expect(error.code).toBe('generation_failed');
  });
});
