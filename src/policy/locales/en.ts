/** @module English messages. */
import type { LocaleMessages } from './messages.js';

const s = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passphrase-exemption suffix of a composition requirement line. */
const waived = (from: number | null | undefined): string =>
  from == null ? '' : ` (from ${from} characters on, not needed)`;

/**
 * English (`en`).
 *
 * @example
 * ```ts
 * en.violations.too_short({ code: 'too_short', minimum: 8, actual: 5 }, helpers);
 * ```
 */
export const en: LocaleMessages = {
  tag: 'en',
  classNames: {
    uppercase: 'uppercase letters',
    lowercase: 'lowercase letters',
    digit: 'digits',
    special: 'special characters',
  },
  violations: {
    too_short: (v) => `Use at least ${s(v.minimum, 'character', 'characters')} (currently ${v.actual}).`,
    too_long: (v) => `Use at most ${s(v.maximum, 'character', 'characters')} (currently ${v.actual}).`,
    missing_uppercase: (v) => `Add at least ${s(v.minimum, 'uppercase letter', 'uppercase letters')}.`,
    missing_lowercase: (v) => `Add at least ${s(v.minimum, 'lowercase letter', 'lowercase letters')}.`,
    missing_digit: (v) => `Add at least ${s(v.minimum, 'digit', 'digits')}.`,
    missing_special: (v) =>
      `Add at least ${s(v.minimum, 'special character', 'special characters')}, such as ${v.characters}.`,
    too_few_classes: (v, h) => `Use at least ${v.minimum} of these: ${h.classes(v.classes)}.`,
    disallowed_character: (v) =>
      ({
        control: 'Remove control characters such as tabs and line breaks.',
        not_allowed: 'Remove the characters that are not allowed.',
        lone_surrogate: 'Remove the invalid character.',
        not_normalized:
          'Type accented letters and symbols in their usual composed form; this form may not match on other devices.',
      })[v.reason],
    repeated_characters: (v) => `Do not repeat a character more than ${v.maximum} times in a row.`,
    sequential_characters: (v) =>
      `Avoid sequences longer than ${v.maximum} characters, like abcd, 4321 or qwerty.`,
    common_password: () => 'This password is too common. Choose something less predictable.',
    contains_account: (v) =>
      ({
        local_part: 'Do not use your mailbox name in the password.',
        domain: 'Do not use the domain name in the password.',
        display_name: 'Do not use your name in the password.',
      })[v.part],
    same_as_current: () => 'The new password must differ from the current one.',
    too_similar_to_current: () => 'The new password is too similar to the current one.',
    reused_password: (v) =>
      v.history === 1
        ? 'Do not reuse your previous password.'
        : `Do not reuse any of your last ${v.history} passwords.`,
    breached_password: () => 'This password has appeared in a data breach. Choose another one.',
    confirmation_mismatch: () => 'The passwords do not match.',
    pattern_mismatch: (v) =>
      v.message?.en ?? v.message?.en ?? `This password does not meet the rule “${v.id}”.`,
  },
  requirements: {
    too_short: (r) => `At least ${s(r.minimum, 'character', 'characters')}`,
    too_long: (r) => `At most ${s(r.maximum, 'character', 'characters')}`,
    missing_uppercase: (r) =>
      `At least ${s(r.minimum, 'uppercase letter', 'uppercase letters')}${waived(r.waivedFrom)}`,
    missing_lowercase: (r) =>
      `At least ${s(r.minimum, 'lowercase letter', 'lowercase letters')}${waived(r.waivedFrom)}`,
    missing_digit: (r) => `At least ${s(r.minimum, 'digit', 'digits')}${waived(r.waivedFrom)}`,
    missing_special: (r) =>
      `At least ${s(r.minimum, 'special character', 'special characters')} (${r.characters})` +
      waived(r.waivedFrom),
    too_few_classes: (r, h) =>
      `At least ${r.minimum} of these: ${h.classes(r.classes)}${waived(r.waivedFrom)}`,
    disallowed_character: (r) =>
      r.allowed === 'printable_ascii'
        ? 'Only letters without accents, digits, spaces and ASCII symbols'
        : r.allowed === 'custom'
          ? `Only these characters: ${r.characters}`
          : 'No control characters such as tabs or line breaks',
    repeated_characters: (r) => `No character more than ${r.maximum} times in a row`,
    sequential_characters: (r) => `No sequence longer than ${r.maximum} characters (abcd, 4321, qwerty)`,
    common_password: () => 'Not a common password',
    contains_account: () => 'Does not contain your name, mailbox name or domain',
    too_similar_to_current: () => 'Clearly different from the current password',
    reused_password: (r) =>
      r.history === 1 ? 'Not your previous password' : `Not one of your last ${r.history} passwords`,
    breached_password: () => 'Not found in known data breaches',
    pattern_mismatch: (r) => r.message?.en ?? r.message?.en ?? `Meets the rule “${r.id}”`,
  },
};
