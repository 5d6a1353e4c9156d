/** @module Rule: "at least N of these M character classes". */
import { customClass } from '../password-rules-class.js';
import type { PolicyRule } from '../rule.js';
import type { CharacterClass } from '../types.js';

const KEYWORD: Record<Exclude<CharacterClass, 'special'>, string> = {
  uppercase: 'upper',
  lowercase: 'lower',
  digit: 'digit',
};

/**
 * `too_few_classes` (waived from `passphraseLength` code points on). `passwordrules` cannot say "N of M", so it requires the first N listed
 * classes: stricter than the policy, which keeps browser-generated passwords compliant.
 *
 * @example
 * ```ts
 * minClassesRule.requirements(definePolicy({ minClasses: { count: 3 } }));
 * ```
 */
export const minClassesRule: PolicyRule = {
  codes: ['too_few_classes'],
  requirements: (p) =>
    p.minClasses === null
      ? []
      : [
          {
            code: 'too_few_classes',
            minimum: p.minClasses.count,
            classes: p.minClasses.of,
            waivedFrom: p.passphraseLength,
          },
        ],
  passwordRules(p) {
    if (p.minClasses === null) return [];
    const parts: string[] = [];
    for (const c of p.minClasses.of.slice(0, p.minClasses.count)) {
      const value = c === 'special' ? customClass(p.specialCharacters) : KEYWORD[c];
      if (value !== null) parts.push(`required: ${value};`);
    }
    return parts;
  },
  check({ policy: p, compiled, facts: f }, out) {
    if (p.minClasses === null) return;
    if (p.passphraseLength !== null && f.length >= p.passphraseLength) return;
    const mask =
      (f.uppercase > 0 ? 1 : 0) | (f.lowercase > 0 ? 2 : 0) | (f.digit > 0 ? 4 : 0) | (f.special > 0 ? 8 : 0);
    const present = mask & compiled.classMask;
    const actual = (present & 1) + ((present >> 1) & 1) + ((present >> 2) & 1) + ((present >> 3) & 1);
    if (actual < p.minClasses.count) {
      out.push({ code: 'too_few_classes', minimum: p.minClasses.count, actual, classes: p.minClasses.of });
    }
  },
};
