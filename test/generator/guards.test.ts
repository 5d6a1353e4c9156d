import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeCommonPassword } from '../../src/generator/blocklist-prefilter.js';
import { type LocalLimits, maxForbidden, wouldBreakLimits } from '../../src/generator/local-rules.js';
import { definePolicy, generatePassword, presets, validatePassword } from '../../src/index.js';
import { isCommonPassword } from '../../src/policy/blocklist/common-password-set.js';
import { COMMON_PASSWORDS } from '../../src/policy/blocklist/common-passwords.js';
import { seededSource } from '../support/seeded-source.js';

const entries = COMMON_PASSWORDS.split('\n');
const LEET: Record<string, string> = { a: '4', e: '3', o: '0', s: '$', t: '7', i: '1', l: '1' };

/** A listed password dressed up the usual ways: case, leet, digits and symbols at either end. */
const decorated = fc
  .record({
    // Long entries get their own draw: they feed the sparser pair tables the prefilter uses for long spans.
    entry: fc.oneof(fc.constantFrom(...entries), fc.constantFrom(...entries.filter((e) => e.length >= 10))),
    upper: fc.array(fc.boolean(), { maxLength: 20 }),
    leet: fc.array(fc.boolean(), { maxLength: 20 }),
    prefix: fc.string({ unit: fc.constantFrom(...'0123456789!#$%&*.,@'), maxLength: 3 }),
    suffix: fc.string({ unit: fc.constantFrom(...'0123456789!#$%&*.,@^/'), maxLength: 5 }),
  })
  .map(({ entry, upper, leet, prefix, suffix }) => {
    const body = [...entry]
      .map((c, i) => (leet[i] && LEET[c] ? LEET[c] : upper[i] ? c.toUpperCase() : c))
      .join('');
    return prefix + body + suffix;
  });

describe('mayBeCommonPassword (the generator’s blocklist prefilter)', () => {
  it('never clears a password the blocklist refuses', () => {
    const anything = fc.oneof(
      decorated,
      fc.string({ unit: fc.constantFrom(...'abcdeos4$70!#,/^ AB'), maxLength: 24 }),
    );
    let refused = 0;
    fc.assert(
      fc.property(anything, (password) => {
        if (isCommonPassword(password)) {
          refused++;
          expect(mayBeCommonPassword(password)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(refused).toBeGreaterThan(500);
  });

  it('clears passwords whose letter span holds a pair no entry has', () => {
    expect(mayBeCommonPassword('Dr4gon#1')).toBe(true);
    expect(mayBeCommonPassword('x#q9vl2mtz')).toBe(false);
    expect(mayBeCommonPassword('abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });

  it('clears almost every generated password', () => {
    const random = seededSource(8);
    const cleared = Array.from({ length: 2000 }, () => generatePassword(presets.mailbox, { random })).filter(
      (p) => !mayBeCommonPassword(p),
    );
    // About 0.8 % of 16-character passwords need the real lookup.
    expect(cleared.length).toBeGreaterThan(1950);
  });
});

describe('wouldBreakLimits (the generator’s repeat/sequence guard)', () => {
  const limits = fc.record({
    maxRepeated: fc.option(fc.integer({ min: 1, max: 4 })),
    maxSequence: fc.option(fc.integer({ min: 2, max: 5 })),
  });
  const keyboardish = fc.string({
    unit: fc.constantFrom(...'abcdefqwertyzxc0123456789!@#$%^&*()AQWB-=,./;'),
    maxLength: 16,
  });

  it('flags some position of every password the policy refuses for runs or sequences', () => {
    fc.assert(
      fc.property(limits, keyboardish, (l: LocalLimits, password) => {
        fc.pre(l.maxRepeated !== null || l.maxSequence !== null);
        const policy = definePolicy({
          minLength: 1,
          blocklist: false,
          accountCheck: false,
          ...(l.maxRepeated === null ? {} : { maxRepeated: l.maxRepeated }),
          ...(l.maxSequence === null ? {} : { maxSequence: l.maxSequence }),
        });
        const codes = Array.from(password, (c) => c.codePointAt(0) as number);
        const flagged = codes.some((c, at) => wouldBreakLimits(l, codes, at, c));
        const refused = validatePassword(policy, password).violations.some(
          (v) => v.code === 'repeated_characters' || v.code === 'sequential_characters',
        );
        if (refused) expect(flagged).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('bounds what it can forbid at one position', () => {
    const letters = Array.from('abcdefghijklmnopqrstuvwxyz', (c) => c.charCodeAt(0));
    expect(maxForbidden({ maxRepeated: null, maxSequence: null }, letters)).toBe(0);
    expect(maxForbidden({ maxRepeated: 2, maxSequence: null }, letters)).toBe(1);
    const both = maxForbidden({ maxRepeated: 2, maxSequence: 3 }, letters);
    expect(both).toBeGreaterThan(1);
    expect(both).toBeLessThan(10);
  });
});
