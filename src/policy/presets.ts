/** @module Ready-made policies, each with its source. */
import { definePolicy } from './define-policy.js';
import type { Policy } from './types.js';

/**
 * The classic mail-hosting rule found in hosting control panels: at least 8 characters (up to
 * 128) with one uppercase letter, one lowercase letter, one digit and one special character (any
 * ASCII punctuation, so `,./!@#$%^&*` all count), plus the common-password blocklist, the account
 * check and the similarity check. Control characters and unnormalised Unicode are refused.
 */
const mailbox: Policy = definePolicy({
  minLength: 8,
  maxLength: 128,
  minUppercase: 1,
  minLowercase: 1,
  minDigit: 1,
  minSpecial: 1,
  blocklist: true,
  accountCheck: true,
});

/**
 * NIST SP 800-63B revision 4 (2025), §3.1.1.2 "Password Verifiers", for a password used as a
 * single factor: at least 15 characters, at least 64 allowed (here 128), every printing character
 * and Unicode accepted, no composition rules, checked against a blocklist of common and
 * context-specific words (the account name), no forced periodic change.
 */
const nist: Policy = definePolicy({
  minLength: 15,
  maxLength: 128,
  blocklist: true,
  accountCheck: true,
});

/**
 * A stricter house rule for administrator and shared mailboxes, after the OWASP Authentication
 * Cheat Sheet's advice on length plus the classic composition rule: at least 12 characters, every
 * class, no run of more than 3 identical characters, no sequence longer than 3 (`abcd`, `4321`,
 * `qwer`), blocklist, account check, and none of the last 5 passwords (when the caller supplies the
 * matcher to `validatePasswordAsync`).
 */
const strict: Policy = definePolicy({
  minLength: 12,
  maxLength: 128,
  minUppercase: 1,
  minLowercase: 1,
  minDigit: 1,
  minSpecial: 1,
  maxRepeated: 3,
  maxSequence: 3,
  blocklist: true,
  accountCheck: true,
  historySize: 5,
});

/**
 * The built-in policies: `mailbox` (≥ 8, upper, lower, digit, special, blocklist, account check —
 * the classic mail-host rule), `nist` (NIST SP 800-63B rev. 4 single-factor: ≥ 15, no composition,
 * blocklist, account check) and `strict` (≥ 12, every class, no long runs or sequences, history 5).
 * Each is a frozen {@link Policy}; see each member's documentation for its source.
 *
 * @example
 * ```ts
 * validatePassword(presets.mailbox, 'Correct-Horse-9', { account: 'alice@example.org' }).ok; // true
 * presets.nist.minLength; // 15
 * ```
 */
export const presets: {
  /** Classic mail-host rule: ≥ 8 characters, upper, lower, digit, special, blocklist, account check. */
  readonly mailbox: Policy;
  /** NIST SP 800-63B rev. 4, single-factor password: ≥ 15 characters, no composition rules. */
  readonly nist: Policy;
  /** ≥ 12 characters, every class, max run 3, max sequence 3, history of 5. */
  readonly strict: Policy;
} = Object.freeze({ mailbox, nist, strict });
