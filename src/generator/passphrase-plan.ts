/** @module Turns a policy and passphrase options into a plan: the usable words, the separator, and the characters to append for classes the words cannot provide. Impossible requests throw here. */
import { PassrotateError } from '../errors.js';
import { letterOrDigitClass } from '../policy/characters.js';
import type { CharacterClass, Policy } from '../policy/types.js';
import {
  DIGITS,
  LOWERCASE_LETTERS,
  MAIL_SAFE_SPECIAL_CHARACTERS,
  UPPERCASE_LETTERS,
} from './character-pools.js';
import { effLargeWordlist } from './eff-large-wordlist.js';
import { type LocalLimits, maxForbidden, wouldBreakLimits } from './local-rules.js';
import type { GeneratePassphraseOptions, PassphraseCapitalization } from './options.js';
import { byteTable, type Pool } from './password-plan.js';

/**
 * Default number of words: 6 EFF words carry about 77.5 bits.
 *
 * @example
 * ```ts
 * planPassphrase(presets.nist, {}).wordCount === DEFAULT_PASSPHRASE_WORDS; // true
 * ```
 */
const DEFAULT_PASSPHRASE_WORDS = 6;

/**
 * Everything {@link generatePassphrase} needs, computed once per policy and options.
 *
 * @example
 * ```ts
 * const plan: PassphrasePlan = planPassphrase(presets.mailbox, { words: 5 });
 * plan.suffix.length; // 1: mailbox still needs a digit
 * ```
 */
export interface PassphrasePlan {
  readonly wordCount: number;
  /** The usable words as code points, already capitalised. */
  readonly words: readonly (readonly number[])[];
  /** The separator's code point, or `null` for none. */
  readonly separator: number | null;
  /** One pool per appended character (shuffled before drawing). */
  readonly suffix: readonly Pool[];
  readonly limits: LocalLimits | null;
  readonly entropyBits: number;
}

const SUFFIX_CLASS_ORDER: readonly CharacterClass[] = ['digit', 'special', 'uppercase', 'lowercase'];

function invalid(option: string, message: string): never {
  throw new PassrotateError('invalid_generator_options', `${option}: ${message}`);
}

function isAllowed(policy: Policy, codePoint: number): boolean {
  const allowed = policy.allowedCharacters;
  return allowed.kind === 'any' || allowed.characters.includes(String.fromCodePoint(codePoint));
}

/** Default separators, in order of preference: the first one the policy allows is used. */
const DEFAULT_SEPARATORS = '-._~,;= ';

function defaultSeparator(policy: Policy, limits: LocalLimits | null): string {
  for (const c of DEFAULT_SEPARATORS) if (isAllowed(policy, c.codePointAt(0) as number)) return c;
  if (limits !== null)
    invalid('separator', "none of the default separators is in the policy's allowedCharacters");
  return '';
}

function resolveSeparator(policy: Policy, separator: string, limits: LocalLimits | null): number | null {
  const points = Array.from(separator, (c) => c.codePointAt(0) as number);
  if (points.length === 0) {
    if (limits !== null)
      invalid('separator', 'must not be empty when the policy limits repeats or sequences');
    return null;
  }
  const code = points[0] as number;
  if (points.length > 1) invalid('separator', 'must be a single character or empty');
  if (!isAllowed(policy, code) || code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    invalid('separator', "is not allowed by the policy's allowedCharacters");
  }
  const cls = letterOrDigitClass(code);
  if (cls === 'uppercase' || cls === 'lowercase') invalid('separator', 'must not be a letter');
  if (cls === 'digit' && limits !== null) {
    invalid('separator', 'must not be a digit when the policy limits repeats or sequences');
  }
  return code;
}

let baseWords: readonly (readonly number[])[] | undefined;

/** The EFF words as code points, without the four hyphenated ones (they would make a phrase ambiguous to split). */
function wordCodes(): readonly (readonly number[])[] {
  baseWords ??= effLargeWordlist()
    .filter((word) => !word.includes('-'))
    .map((word) => Array.from(word, (c) => c.charCodeAt(0)));
  return baseWords;
}

function usableWords(
  policy: Policy,
  capitalize: PassphraseCapitalization,
  separator: number | null,
  limits: LocalLimits | null,
): number[][] {
  const words: number[][] = [];
  const allowed = new Uint8Array(128);
  for (let c = 0; c < 128; c++) allowed[c] = isAllowed(policy, c) ? 1 : 0;
  const framed: number[] = [];
  for (const base of wordCodes()) {
    const codes = base.map((c, i) =>
      capitalize === 'all' || (capitalize === 'first' && i === 0) ? c - 0x20 : c,
    );
    if (!codes.every((c) => allowed[c] === 1)) continue;
    if (limits !== null) {
      // The word between two separators must keep the limits on its own; with a separator that is
      // neither letter nor digit no run or sequence can then cross from one word into the next.
      framed.length = 0;
      if (separator !== null) framed.push(separator);
      framed.push(...codes);
      if (separator !== null) framed.push(separator);
      let breaks = false;
      for (let at = 1; at < framed.length && !breaks; at++) {
        breaks = wouldBreakLimits(limits, framed, at, framed[at] as number);
      }
      if (breaks) continue;
    }
    words.push(codes);
  }
  return words;
}

function asciiPool(policy: Policy, cls: CharacterClass, limits: LocalLimits | null): number[] {
  const text =
    cls === 'lowercase'
      ? LOWERCASE_LETTERS
      : cls === 'uppercase'
        ? UPPERCASE_LETTERS
        : cls === 'digit'
          ? DIGITS
          : policy.specialCharacters;
  const pool = Array.from(text, (c) => c.codePointAt(0) as number).filter(
    (c) => isAllowed(policy, c) && (c < 0x80 || !policy.requireNormalized),
  );
  if (cls !== 'special') return pool;
  // Specials appended to a passphrase are meant to be typed: prefer the mail-safe ones when enough
  // of them remain under the repeat/sequence limits.
  const safe = pool.filter((c) => MAIL_SAFE_SPECIAL_CHARACTERS.includes(String.fromCodePoint(c)));
  const usable = limits === null ? safe.length : safe.length - maxForbidden(limits, safe);
  return usable >= 1 ? safe : pool;
}

function minimum(policy: Policy, cls: CharacterClass): number {
  return cls === 'lowercase'
    ? policy.minLowercase
    : cls === 'uppercase'
      ? policy.minUppercase
      : cls === 'digit'
        ? policy.minDigit
        : policy.minSpecial;
}

/** The characters to append, per class, given what `wordCount` words are sure to contain. */
function suffixCounts(
  policy: Policy,
  wordCount: number,
  shortest: number,
  capitalize: PassphraseCapitalization,
  separator: number | null,
): Map<CharacterClass, number> {
  const guaranteed = new Map<CharacterClass, number>([
    ['lowercase', capitalize === 'all' ? 0 : wordCount * (shortest - (capitalize === 'first' ? 1 : 0))],
    ['uppercase', capitalize === 'all' ? wordCount * shortest : capitalize === 'first' ? wordCount : 0],
    ['digit', 0],
    ['special', 0],
  ]);
  if (separator !== null && wordCount > 1) {
    const cls = policy.specialCharacters.includes(String.fromCodePoint(separator))
      ? 'special'
      : letterOrDigitClass(separator);
    if (cls !== null) guaranteed.set(cls, (guaranteed.get(cls) ?? 0) + wordCount - 1);
  }
  const counts = new Map<CharacterClass, number>();
  for (const cls of SUFFIX_CLASS_ORDER) {
    counts.set(cls, Math.max(0, minimum(policy, cls) - (guaranteed.get(cls) ?? 0)));
  }
  if (policy.minClasses !== null) {
    const { count, of } = policy.minClasses;
    const has = (cls: CharacterClass): boolean => (guaranteed.get(cls) ?? 0) + (counts.get(cls) ?? 0) > 0;
    let present = of.filter(has).length;
    for (const cls of SUFFIX_CLASS_ORDER) {
      if (present >= count) break;
      if (of.includes(cls) && !has(cls)) {
        counts.set(cls, 1);
        present++;
      }
    }
  }
  return counts;
}

/**
 * Builds the plan, throwing `PassrotateError` (`invalid_generator_options`) that names the option
 * (`words`, `separator`, `capitalize`) when no passphrase can satisfy the request.
 *
 * @example
 * ```ts
 * planPassphrase(presets.mailbox, {}).wordCount; // 6
 * ```
 */
export function planPassphrase(policy: Policy, options: GeneratePassphraseOptions): PassphrasePlan {
  const capitalize = options.capitalize ?? 'first';
  if (!['none', 'first', 'all'].includes(capitalize)) invalid('capitalize', `unknown value "${capitalize}"`);
  const limits: LocalLimits | null =
    policy.maxRepeated === null && policy.maxSequence === null
      ? null
      : { maxRepeated: policy.maxRepeated, maxSequence: policy.maxSequence };
  const separator = resolveSeparator(policy, options.separator ?? defaultSeparator(policy, limits), limits);
  const words = usableWords(policy, capitalize, separator, limits);
  if (words.length < 2) invalid('capitalize/separator', 'the policy leaves too few words to choose from');
  const lengths = words.map((w) => w.length);
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  const separatorLength = separator === null ? 0 : 1;

  const bounds = (n: number): { min: number; max: number; counts: Map<CharacterClass, number> } => {
    const counts = suffixCounts(policy, n, shortest, capitalize, separator);
    const suffixLength = [...counts.values()].reduce((a, b) => a + b, 0);
    const tail = suffixLength > 0 ? separatorLength + suffixLength : 0;
    const gaps = (n - 1) * separatorLength;
    return { min: n * shortest + gaps + tail, max: n * longest + gaps + tail, counts };
  };

  let wordCount = options.words ?? DEFAULT_PASSPHRASE_WORDS;
  if (!Number.isSafeInteger(wordCount) || wordCount < 1) {
    invalid('words', `must be a positive integer, got ${wordCount}`);
  }
  if (options.words === undefined) while (bounds(wordCount).min < policy.minLength) wordCount++;
  const { min, max, counts } = bounds(wordCount);
  if (min < policy.minLength) {
    invalid(
      'words',
      `${wordCount} words can be as short as ${min} characters, below minLength ${policy.minLength}`,
    );
  }
  if (max > policy.maxLength) {
    invalid(
      'words',
      `${wordCount} words can be as long as ${max} characters, above maxLength ${policy.maxLength}`,
    );
  }

  const suffix: Pool[] = [];
  for (const [cls, count] of counts) {
    if (count === 0) continue;
    const codes = asciiPool(policy, cls, limits);
    const forbidden = limits === null ? 0 : maxForbidden(limits, codes);
    if (codes.length - forbidden < 1)
      invalid('words', `no ${cls} character can be appended under this policy`);
    const pool: Pool = { codes, forbidden, byByte: byteTable(codes) };
    for (let i = 0; i < count; i++) suffix.push(pool);
  }
  const entropyBits =
    wordCount * Math.log2(words.length) +
    suffix.reduce((sum, pool) => sum + Math.log2(pool.codes.length - pool.forbidden), 0);
  return { wordCount, words, separator, suffix, limits, entropyBits };
}
