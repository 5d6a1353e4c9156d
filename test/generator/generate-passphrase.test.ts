import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  definePolicy,
  effLargeWordlist,
  generatePassphrase,
  generatePassphraseWithEntropy,
  PassrotateError,
  presets,
  validatePassword,
} from '../../src/index.js';
import { policySpec, satisfiable } from '../support/policy-specs.js';
import { seededSource } from '../support/seeded-source.js';

/** 7,776 EFF words less the four hyphenated ones. */
const USABLE = 7772;

function errorOf(run: () => unknown): PassrotateError {
  try {
    run();
  } catch (error) {
    if (error instanceof PassrotateError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('generatePassphrase', () => {
  it('always passes the policy (random satisfiable policies that allow 128 characters)', () => {
    const roomy = satisfiable(policySpec.map((spec) => ({ ...spec, maxLength: 128 })));
    let generated = 0;
    fc.assert(
      fc.property(roomy, fc.integer(), (policy, seed) => {
        let phrase: string;
        try {
          phrase = generatePassphrase(policy, { random: seededSource(seed) });
        } catch (error) {
          // Only a custom allowed set without any of the default separators can refuse.
          expect((error as PassrotateError).message).toMatch(/^separator: /);
          return;
        }
        generated++;
        expect(validatePassword(policy, phrase).violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
    expect(generated).toBeGreaterThan(80);
  });

  it('joins capitalised EFF words and appends what the policy still needs', () => {
    const random = seededSource(1);
    const words = new Set(effLargeWordlist());
    for (let i = 0; i < 200; i++) {
      const phrase = generatePassphrase(presets.mailbox, { random });
      const parts = phrase.split('-');
      // mailbox: '-' is special, 'first' gives upper and lower; only a digit is missing.
      expect(parts).toHaveLength(7);
      expect(parts.at(-1)).toMatch(/^[0-9]$/);
      for (const word of parts.slice(0, 6)) {
        expect(word[0]).toMatch(/[A-Z]/);
        expect(words.has(word.toLowerCase())).toBe(true);
      }
      expect(validatePassword(presets.mailbox, phrase).ok).toBe(true);
    }
  });

  it('honours word count, separator and capitalisation', () => {
    const random = seededSource(2);
    const plain = generatePassphrase(presets.nist, { words: 5, separator: ' ', capitalize: 'none', random });
    expect(plain).toMatch(/^[a-z]+( [a-z]+){4}$/);
    const shouting = generatePassphrase(definePolicy({ minLength: 8, minLowercase: 1 }), {
      capitalize: 'all',
      random,
    });
    expect(shouting).toMatch(/^[A-Z]+(-[A-Z]+){5}-[a-z]$/);
    const joined = generatePassphrase(definePolicy({ minLength: 8 }), { separator: '', words: 4, random });
    expect(joined).toMatch(/^([A-Z][a-z]+){4}$/);
  });

  it('adds words until the policy minimum length is certain', () => {
    const policy = definePolicy({ minLength: 40 });
    const { password, entropyBits } = generatePassphraseWithEntropy(policy, { random: seededSource(3) });
    // 10 words of at least 3 letters and 9 separators make 39; 11 words are needed.
    expect(password.split('-')).toHaveLength(11);
    expect(entropyBits).toBeCloseTo(11 * Math.log2(USABLE), 9);
  });

  it('reports words × log2(word list) plus the appended characters', () => {
    expect(generatePassphraseWithEntropy(presets.nist).entropyBits).toBeCloseTo(6 * Math.log2(USABLE), 9);
    expect(generatePassphraseWithEntropy(presets.mailbox).entropyBits).toBeCloseTo(
      6 * Math.log2(USABLE) + Math.log2(10),
      9,
    );
  });

  it('uses only words that keep the repeat and sequence limits', () => {
    const policy = definePolicy({ minLength: 12, maxRepeated: 1, maxSequence: 2 });
    const result = generatePassphraseWithEntropy(policy, { random: seededSource(4) });
    expect(validatePassword(policy, result.password).ok).toBe(true);
    // Words like 'balloon' (a run) and 'stub' (s-t-u) are left out, so each word carries fewer bits.
    expect(result.entropyBits).toBeLessThan(6 * Math.log2(USABLE));
    expect(result.entropyBits).toBeGreaterThan(6 * 12);
  });

  it('refuses impossible requests, naming the option', () => {
    const cases: [() => unknown, string][] = [
      [() => generatePassphrase(presets.nist, { words: 2 }), 'words'],
      [() => generatePassphrase(definePolicy({ maxLength: 30 }), { words: 6 }), 'words'],
      [() => generatePassphrase(presets.mailbox, { words: 0 }), 'words'],
      [() => generatePassphrase(presets.mailbox, { separator: 'x' }), 'separator'],
      [() => generatePassphrase(presets.mailbox, { separator: '--' }), 'separator'],
      [() => generatePassphrase(presets.strict, { separator: '' }), 'separator'],
      [() => generatePassphrase(presets.mailbox, { capitalize: 'random' as never }), 'capitalize'],
    ];
    for (const [run, option] of cases) {
      const error = errorOf(run);
      expect(error.code).toBe('invalid_generator_options');
      expect(error.message.startsWith(option)).toBe(true);
    }
  });
});

describe('effLargeWordlist', () => {
  it('is the EFF large list: 7,776 distinct words in dice order', () => {
    const words = effLargeWordlist();
    expect(words).toHaveLength(7776);
    expect(new Set(words).size).toBe(7776);
    expect([words[0], words[7775]]).toEqual(['abacus', 'zoom']);
    expect(words.filter((w) => w.includes('-'))).toEqual(['drop-down', 'felt-tip', 't-shirt', 'yo-yo']);
    expect(Object.isFrozen(words)).toBe(true);
  });
});
