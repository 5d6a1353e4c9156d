/** @module The options of the password and passphrase generators, and what they return. */
import type { CharacterClass, ValidationContext } from '../policy/types.js';
import type { RandomSource } from '../ports/random-source.js';

/**
 * Which special characters the password generator draws from: the policy's whole special set, or
 * only those of it in {@link MAIL_SAFE_SPECIAL_CHARACTERS} (characters that need no quoting in IMAP,
 * URLs, shells and config files).
 *
 * @example
 * ```ts
 * const specials: SpecialCharacterChoice = 'mail-safe';
 * ```
 */
export type SpecialCharacterChoice = 'policy' | 'mail-safe';

/**
 * Options of {@link generatePassword}. Every field is optional.
 *
 * @example
 * ```ts
 * const options: GeneratePasswordOptions = { length: 20, specials: 'mail-safe', excludeLookAlikes: true };
 * ```
 */
export interface GeneratePasswordOptions {
  /**
   * Length in code points. Default: 16, raised to the policy's `minLength` (and to the number of
   * required characters) and lowered to its `maxLength`. Must lie within the policy's bounds.
   */
  readonly length?: number;
  /**
   * The character classes to draw from. Default: all four (a class left empty by the policy's allowed
   * set or the exclusions is skipped). Every class the policy requires must be listed.
   */
  readonly pools?: readonly CharacterClass[];
  /** Which special characters to use. Default `'policy'`. */
  readonly specials?: SpecialCharacterChoice;
  /** Characters never to use, e.g. `'"\\'`. Default none. */
  readonly excludeCharacters?: string;
  /** Leave out {@link LOOK_ALIKE_CHARACTERS} (`0 O o 1 I l |`). Default `false`. */
  readonly excludeLookAlikes?: boolean;
  /** Where random bytes come from. Default {@link cryptoRandomSource}. */
  readonly random?: RandomSource;
  /**
   * The account the password is for (`account`, `displayName`): the result then also passes the
   * policy's account check. Other context fields are ignored.
   */
  readonly context?: Pick<ValidationContext, 'account' | 'displayName'>;
}

/**
 * How the passphrase generator capitalises words: `'none'` (all lower case), `'first'` (the first
 * letter of every word) or `'all'` (every letter). A class the words then lack but the policy needs
 * (an uppercase letter with `'none'`, a lowercase one with `'all'`) is appended like a digit.
 *
 * @example
 * ```ts
 * const capitalize: PassphraseCapitalization = 'first'; // Correct-Horse-Battery
 * ```
 */
export type PassphraseCapitalization = 'none' | 'first' | 'all';

/**
 * Options of {@link generatePassphrase}. Every field is optional.
 *
 * @example
 * ```ts
 * const options: GeneratePassphraseOptions = { words: 5, separator: ' ', capitalize: 'none' };
 * ```
 */
export interface GeneratePassphraseOptions {
  /**
   * Number of words. Default: 6 (about 77.5 bits), raised until the phrase can reach the policy's
   * `minLength`. Must be at least 1 and fit in the policy's `maxLength`.
   */
  readonly words?: number;
  /**
   * Between words: one character that is not a letter, or the empty string. Default: the first of
   * `- . _ ~ , ; =` and space that the policy allows (`'-'` for the presets). When the policy limits
   * repeats or sequences it must be neither empty nor a digit.
   */
  readonly separator?: string;
  /** Capitalisation. Default `'first'`. */
  readonly capitalize?: PassphraseCapitalization;
  /** Where random bytes come from. Default {@link cryptoRandomSource}. */
  readonly random?: RandomSource;
  /** The account the passphrase is for, as in {@link GeneratePasswordOptions.context}. */
  readonly context?: Pick<ValidationContext, 'account' | 'displayName'>;
}

/**
 * A generated secret and a lower bound of its Shannon entropy in bits, counted from the choices the
 * generator made (see {@link generatePasswordWithEntropy} and {@link generatePassphraseWithEntropy}).
 *
 * @example
 * ```ts
 * const { password, entropyBits } = generatePasswordWithEntropy(presets.mailbox);
 * ```
 */
export interface GeneratedPassword {
  readonly password: string;
  readonly entropyBits: number;
}
