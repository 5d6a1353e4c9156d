/** @module The public types of the policy engine: spec, policy, violations, context, results. */
import type { BreachChecker } from '../ports/breach-checker.js';

/**
 * The four character classes a policy can require. Letters are classified by their Unicode case
 * (`É` is uppercase, `ß` lowercase); letters without case (e.g. CJK) belong to no class.
 *
 * @example
 * ```ts
 * const classes: CharacterClass[] = ['uppercase', 'lowercase', 'digit', 'special'];
 * ```
 */
export type CharacterClass = 'uppercase' | 'lowercase' | 'digit' | 'special';

/**
 * Which characters a password may contain, as written in a spec: `'any'` (every character except
 * control characters), `'printable_ascii'` (U+0020 space to U+007E `~`), or `{ custom: '…' }`
 * listing every allowed character. Control characters are refused in every case.
 *
 * @example
 * ```ts
 * const allowed: AllowedCharactersSpec = { custom: 'abcdefghijklmnopqrstuvwxyz0123456789-' };
 * ```
 */
export type AllowedCharactersSpec = 'any' | 'printable_ascii' | { readonly custom: string };

/**
 * The resolved allowed-character rule of a policy. `characters` lists the allowed characters for
 * `printable_ascii` and `custom` (in code point order, no duplicates); `'any'` has no list.
 *
 * @example
 * ```ts
 * if (policy.allowedCharacters.kind !== 'any') pool = [...policy.allowedCharacters.characters];
 * ```
 */
export type AllowedCharacters =
  | { readonly kind: 'any' }
  | { readonly kind: 'printable_ascii'; readonly characters: string }
  | { readonly kind: 'custom'; readonly characters: string };

/**
 * "At least `count` of these classes" (N of M), as written in a spec. `of` defaults to all four.
 *
 * @example
 * ```ts
 * const rule: MinClassesSpec = { count: 3, of: ['uppercase', 'lowercase', 'digit', 'special'] };
 * ```
 */
export interface MinClassesSpec {
  /** How many of the listed classes must each appear at least once. */
  readonly count: number;
  /** The classes that count. Default: all four. */
  readonly of?: readonly CharacterClass[];
}

/**
 * A rule's message per locale tag (`{ en: '…', de: '…' }`), or one text for every locale. A locale
 * the map lacks falls back to `en`, then to the locale's generic sentence.
 *
 * @example
 * ```ts
 * const message: PatternMessage = { en: 'Use at least 2 digits.', de: 'Mindestens 2 Ziffern verwenden.' };
 * ```
 */
export type PatternMessage = string | { readonly [tag: string]: string };

/**
 * A regular-expression rule as written in a spec: the password must match `regex` (a JavaScript
 * `RegExp` or its source text with `flags`). Flags `g` and `y` are refused (they make `test`
 * stateful). `id` names the rule in violations (default `pattern_<index>`).
 *
 * @example
 * ```ts
 * const rule: PatternRuleSpec = { regex: /([0-9].*){2}/, id: 'two_digits', message: { en: 'Use at least 2 digits.' } };
 * ```
 */
export interface PatternRuleSpec {
  readonly regex: string | RegExp;
  /** Flags when `regex` is a string (`i`, `m`, `s`, `u`, `v`). Default none. */
  readonly flags?: string;
  readonly id?: string;
  readonly message?: PatternMessage | null;
}

/**
 * A resolved regular-expression rule of a {@link Policy}: its source, flags, id and message map
 * (every message as a map by locale tag; `null` when none was given).
 *
 * @example
 * ```ts
 * policy.patterns[0]; // { id: 'two_digits', regex: '([0-9].*){2}', flags: '', message: { en: '…' } }
 * ```
 */
export interface PatternRule {
  readonly id: string;
  readonly regex: string;
  readonly flags: string;
  readonly message: { readonly [tag: string]: string } | null;
}

/**
 * The input of {@link definePolicy}: every field is optional and has a documented default.
 * Lengths are counted in Unicode code points (not UTF-16 units). A {@link Policy} is itself a valid
 * spec, so a preset can be extended: `definePolicy({ ...presets.mailbox, minLength: 12 })`.
 *
 * @example
 * ```ts
 * const spec: PolicySpec = { minLength: 12, minUppercase: 1, minDigit: 1, blocklist: true };
 * ```
 */
export interface PolicySpec {
  /** Minimum length in code points. Default 8. At least 1. */
  readonly minLength?: number;
  /** Maximum length in code points. Default 128. At most 4096. */
  readonly maxLength?: number;
  /** Minimum number of uppercase letters. Default 0. */
  readonly minUppercase?: number;
  /** Minimum number of lowercase letters. Default 0. */
  readonly minLowercase?: number;
  /** Minimum number of decimal digits (any Unicode `Nd`). Default 0. */
  readonly minDigit?: number;
  /** Minimum number of characters from `specialCharacters`. Default 0. */
  readonly minSpecial?: number;
  /**
   * The characters that count as "special". Default: all 32 ASCII punctuation characters
   * ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``. Must not contain letters, digits or control characters.
   */
  readonly specialCharacters?: string;
  /** "At least N of these M classes". Default (or `null`): no such rule. */
  readonly minClasses?: MinClassesSpec | null;
  /**
   * Which characters are allowed. Default `'any'`. Control characters are always refused. The
   * resolved form of a {@link Policy} (`{ kind, characters }`) is accepted too.
   */
  readonly allowedCharacters?: AllowedCharactersSpec | AllowedCharacters;
  /**
   * Refuse a password that is not in Unicode NFKC form (which is also NFC), because mail clients on
   * other devices may send different bytes for it. Default `true`. See `docs/unicode.md`.
   */
  readonly requireNormalized?: boolean;
  /** Longest allowed run of one repeated character (`3` allows `aaa`, refuses `aaaa`). Default (or `null`): no limit. */
  readonly maxRepeated?: number | null;
  /**
   * Longest allowed sequence of consecutive characters, ascending or descending, in the alphabet,
   * the digits or along a keyboard row (`3` allows `abc`, refuses `abcd`, `4321`, `qwer`). At least 2.
   * Default (or `null`): no limit.
   */
  readonly maxSequence?: number | null;
  /** Refuse passwords containing the account's local part, domain name or display name. Default `true`. */
  readonly accountCheck?: boolean;
  /** Refuse common passwords from the bundled list, also when decorated (`Summer2025!`). Default `true`. */
  readonly blocklist?: boolean;
  /** Extra words to refuse like blocklist entries (e.g. the company name). Default none. */
  readonly blockedWords?: readonly string[];
  /**
   * Refuse a new password too close to the current one (needs `context.currentPassword`): the same
   * password is always `same_as_current`; closer than `minEditDistance` edits, or containing (or
   * contained in) the current one, is `too_similar_to_current`. `false` (or `null`) turns the rule
   * off. Default `{ minEditDistance: 3 }`.
   */
  readonly similarity?: false | null | { readonly minEditDistance: number };
  /** How many previous passwords may not be reused (0 = no rule). Default 0. */
  readonly historySize?: number;
  /** Refuse passwords known from breaches (needs a {@link BreachChecker} at validation). Default `false`. */
  readonly rejectBreached?: boolean;
  /**
   * The passphrase exemption: from this many code points on, the composition rules (`minUppercase`,
   * `minLowercase`, `minDigit`, `minSpecial`, `minClasses`) are waived; length, allowed characters,
   * repeats, sequences, blocklist, account, similarity, reuse, breach and `patterns` still apply.
   * Must lie within `minLength`…`maxLength`. Default (or `null`): no exemption.
   */
  readonly passphraseLength?: number | null;
  /**
   * Regular-expression rules the password must match, each reported as `pattern_mismatch` with its
   * id and index. Not waived by `passphraseLength`. Default none. See `fromPostfixadminValidation`.
   */
  readonly patterns?: readonly PatternRuleSpec[];
}

/**
 * A validated, frozen policy made by {@link definePolicy}. Every field is resolved (defaults filled
 * in), so generators, forms and validators read the same numbers. Optional limits are `null` when off.
 *
 * @example
 * ```ts
 * const policy = definePolicy({ minLength: 10 });
 * policy.minLength; // 10
 * policy.maxRepeated; // null
 * ```
 */
export interface Policy {
  readonly minLength: number;
  readonly maxLength: number;
  readonly minUppercase: number;
  readonly minLowercase: number;
  readonly minDigit: number;
  readonly minSpecial: number;
  /** The special set, in code point order without duplicates. */
  readonly specialCharacters: string;
  /** The N-of-M rule with `of` resolved, or `null`. */
  readonly minClasses: { readonly count: number; readonly of: readonly CharacterClass[] } | null;
  readonly allowedCharacters: AllowedCharacters;
  readonly requireNormalized: boolean;
  readonly maxRepeated: number | null;
  readonly maxSequence: number | null;
  readonly accountCheck: boolean;
  readonly blocklist: boolean;
  /** Extra blocked words, lowercased. */
  readonly blockedWords: readonly string[];
  readonly similarity: { readonly minEditDistance: number } | null;
  readonly historySize: number;
  readonly rejectBreached: boolean;
  /** From this many code points on, the composition rules are waived; `null` when off. */
  readonly passphraseLength: number | null;
  readonly patterns: readonly PatternRule[];
}

/**
 * Why a character was refused: a control character (TAB, CR, LF, DEL, C1…), a character outside
 * the allowed set, a lone UTF-16 surrogate (cannot be encoded as UTF-8), or a password that is not
 * in NFKC normal form (see `docs/unicode.md`).
 *
 * @example
 * ```ts
 * const reason: DisallowedReason = 'control';
 * ```
 */
export type DisallowedReason = 'control' | 'not_allowed' | 'lone_surrogate' | 'not_normalized';

/**
 * Which part of the account a password contains.
 *
 * @example
 * ```ts
 * const part: AccountPart = 'local_part'; // "alice" of alice@example.org
 * ```
 */
export type AccountPart = 'local_part' | 'domain' | 'display_name';

/**
 * One unmet rule, with the data a form needs to explain it. Never contains the password.
 *
 * @example
 * ```ts
 * const v: Violation = { code: 'too_short', minimum: 8, actual: 5 };
 * ```
 */
export type Violation =
  | { readonly code: 'too_short'; readonly minimum: number; readonly actual: number }
  | { readonly code: 'too_long'; readonly maximum: number; readonly actual: number }
  | { readonly code: 'missing_uppercase'; readonly minimum: number; readonly actual: number }
  | { readonly code: 'missing_lowercase'; readonly minimum: number; readonly actual: number }
  | { readonly code: 'missing_digit'; readonly minimum: number; readonly actual: number }
  | {
      readonly code: 'missing_special';
      readonly minimum: number;
      readonly actual: number;
      readonly characters: string;
    }
  | {
      readonly code: 'too_few_classes';
      readonly minimum: number;
      readonly actual: number;
      readonly classes: readonly CharacterClass[];
    }
  | { readonly code: 'disallowed_character'; readonly reason: DisallowedReason }
  | { readonly code: 'repeated_characters'; readonly maximum: number; readonly actual: number }
  | { readonly code: 'sequential_characters'; readonly maximum: number; readonly actual: number }
  | { readonly code: 'common_password' }
  | { readonly code: 'contains_account'; readonly part: AccountPart }
  | { readonly code: 'same_as_current' }
  | { readonly code: 'too_similar_to_current'; readonly minimum: number; readonly actual: number }
  | { readonly code: 'reused_password'; readonly history: number }
  | { readonly code: 'breached_password'; readonly occurrences: number }
  | { readonly code: 'confirmation_mismatch' }
  | {
      readonly code: 'pattern_mismatch';
      /** The rule's id (`pattern_<index>` unless the spec named it). */
      readonly id: string;
      /** The rule's position in `policy.patterns`. */
      readonly index: number;
      /** The rule's messages by locale tag, or `null`. */
      readonly message: { readonly [tag: string]: string } | null;
    };

/**
 * Every violation code (stable snake_case).
 *
 * @example
 * ```ts
 * const code: ViolationCode = 'missing_digit';
 * ```
 */
export type ViolationCode = Violation['code'];

/**
 * The violation with code `C`.
 *
 * @example
 * ```ts
 * const v: ViolationOf<'too_long'> = { code: 'too_long', maximum: 128, actual: 300 };
 * ```
 */
export type ViolationOf<C extends ViolationCode> = Extract<Violation, { readonly code: C }>;

/**
 * The outcome of validation: `ok` with no violations, or every unmet rule at once.
 *
 * @example
 * ```ts
 * const result: ValidationResult = validatePassword(policy, 'hunter2');
 * if (!result.ok) for (const v of result.violations) console.log(v.code);
 * ```
 */
export type ValidationResult =
  | { readonly ok: true; readonly violations: readonly [] }
  | { readonly ok: false; readonly violations: readonly Violation[] };

/**
 * Says whether `candidate` matches one of the last N stored password hashes (the rotation layer
 * builds one from `passrotate/hash` and the credential store). Must compare in constant time.
 *
 * @example
 * ```ts
 * const previousHashes: PreviousPasswordMatcher = async (candidate) =>
 *   (await Promise.all(stored.map((h) => verifyPassword(candidate, h)))).some(Boolean);
 * ```
 */
export type PreviousPasswordMatcher = (candidate: string) => Promise<boolean>;

/**
 * What validation may know besides the password. Every field is optional; a rule whose input is
 * missing is skipped (e.g. no `currentPassword`, no similarity check).
 *
 * @example
 * ```ts
 * const context: ValidationContext = {
 *   account: 'alice@example.org',
 *   displayName: 'Alice Martin',
 *   currentPassword: 'Old-Secret-1',
 *   confirmation: 'New-Secret-2',
 * };
 * ```
 */
export interface ValidationContext {
  /** The mailbox's full address, e.g. `alice@example.org`. */
  readonly account?: string;
  /** The mailbox owner's display name, e.g. `Alice Martin`. */
  readonly displayName?: string;
  /** The current password (when the user typed it), for `same_as_current` / `too_similar_to_current`. */
  readonly currentPassword?: string;
  /** The confirmation field; when present and different, `confirmation_mismatch`. */
  readonly confirmation?: string;
  /** Matcher over the last `historySize` hashes (async validation only): `reused_password`. */
  readonly previousHashes?: PreviousPasswordMatcher;
  /** Breach lookup (async validation only) used when the policy has `rejectBreached`. */
  readonly breachChecker?: BreachChecker;
}
