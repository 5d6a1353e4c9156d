/** @module Rule: per-class minimum counts (uppercase, lowercase, digit, special). */
import { customClass } from '../password-rules-class.js';
import type { Requirement } from '../requirements.js';
import type { PolicyRule } from '../rule.js';

/**
 * `missing_uppercase`, `missing_lowercase`, `missing_digit`, `missing_special`: at least N of each.
 * Letters count by their Unicode case; digits are Unicode `Nd`; specials are the policy's set.
 * Waived from `passphraseLength` code points on.
 *
 * @example
 * ```ts
 * characterClassesRule.passwordRules(presets.mailbox); // ['required: lower;', 'required: upper;', …]
 * ```
 */
export const characterClassesRule: PolicyRule = {
  codes: ['missing_uppercase', 'missing_lowercase', 'missing_digit', 'missing_special'],
  requirements(p) {
    const lines: Requirement[] = [];
    const waivedFrom = p.passphraseLength;
    if (p.minUppercase > 0) lines.push({ code: 'missing_uppercase', minimum: p.minUppercase, waivedFrom });
    if (p.minLowercase > 0) lines.push({ code: 'missing_lowercase', minimum: p.minLowercase, waivedFrom });
    if (p.minDigit > 0) lines.push({ code: 'missing_digit', minimum: p.minDigit, waivedFrom });
    if (p.minSpecial > 0) {
      lines.push({
        code: 'missing_special',
        minimum: p.minSpecial,
        characters: p.specialCharacters,
        waivedFrom,
      });
    }
    return lines;
  },
  passwordRules(p) {
    const parts: string[] = [];
    if (p.minLowercase > 0) parts.push('required: lower;');
    if (p.minUppercase > 0) parts.push('required: upper;');
    if (p.minDigit > 0) parts.push('required: digit;');
    const special = customClass(p.specialCharacters);
    if (p.minSpecial > 0 && special !== null) parts.push(`required: ${special};`);
    return parts;
  },
  check({ policy: p, facts: f }, out) {
    if (p.passphraseLength !== null && f.length >= p.passphraseLength) return;
    if (f.uppercase < p.minUppercase) {
      out.push({ code: 'missing_uppercase', minimum: p.minUppercase, actual: f.uppercase });
    }
    if (f.lowercase < p.minLowercase) {
      out.push({ code: 'missing_lowercase', minimum: p.minLowercase, actual: f.lowercase });
    }
    if (f.digit < p.minDigit) out.push({ code: 'missing_digit', minimum: p.minDigit, actual: f.digit });
    if (f.special < p.minSpecial) {
      out.push({
        code: 'missing_special',
        minimum: p.minSpecial,
        actual: f.special,
        characters: p.specialCharacters,
      });
    }
  },
};
