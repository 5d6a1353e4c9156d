/** @module `buildPolicy`: checks a spec's shape, refuses impossible policies, freezes the result (the `definePolicy` of every entry). */
import { PassrotateError } from '../errors.js';
import {
  canonicalSet,
  DEFAULT_SPECIAL_CHARACTERS,
  isControl,
  letterOrDigitClass,
  PRINTABLE_ASCII,
} from './characters.js';
import { attachCompiled } from './compiled.js';
import { type ParsedPattern, parsePolicySpec } from './spec-schema.js';
import type { AllowedCharacters, CharacterClass, PatternRule, Policy, PolicySpec } from './types.js';

const ALL_CLASSES: readonly CharacterClass[] = ['uppercase', 'lowercase', 'digit', 'special'];

function invalid(field: string, problem: string, cause?: unknown): PassrotateError {
  return new PassrotateError('invalid_policy', `Invalid policy: ${field}: ${problem}`, { cause });
}

function checkSet(field: string, characters: string): void {
  for (const ch of characters) {
    const cp = ch.codePointAt(0) as number;
    if (isControl(cp)) throw invalid(field, 'must not contain control characters');
    if (cp >= 0xd800 && cp <= 0xdfff) throw invalid(field, 'must not contain lone surrogates');
  }
}

function resolveAllowed(spec: 'any' | 'printable_ascii' | { custom: string }): AllowedCharacters {
  if (spec === 'any') return Object.freeze({ kind: 'any' });
  if (spec === 'printable_ascii')
    return Object.freeze({ kind: 'printable_ascii', characters: PRINTABLE_ASCII });
  checkSet('allowedCharacters.custom', spec.custom);
  return Object.freeze({ kind: 'custom', characters: canonicalSet(spec.custom) });
}

const PATTERN_FLAGS = /^[imsuv]*$/;

/** Compiles a pattern once to refuse a bad one at definition; the policy keeps source and flags. */
function resolvePattern(p: ParsedPattern, index: number): PatternRule {
  const field = `patterns.${index}`;
  if (!PATTERN_FLAGS.test(p.flags)) throw invalid(`${field}.flags`, 'only i, m, s, u and v are allowed');
  try {
    new RegExp(p.regex, p.flags);
  } catch (cause) {
    throw invalid(`${field}.regex`, 'is not a valid JavaScript regular expression', cause);
  }
  return Object.freeze({
    id: p.id ?? `pattern_${index}`,
    regex: p.regex,
    flags: p.flags,
    message: p.message === null ? null : Object.freeze({ ...p.message }),
  });
}

/** Whether some allowed character belongs to class `c`. */
function classAvailable(c: CharacterClass, allowed: AllowedCharacters, special: string): boolean {
  if (allowed.kind === 'any') return c === 'special' ? special.length > 0 : true;
  for (const ch of allowed.characters) {
    const cp = ch.codePointAt(0) as number;
    if (c === 'special' ? special.includes(ch) : letterOrDigitClass(cp) === c) return true;
  }
  return false;
}

/**
 * What `definePolicy` does in every entry (internal): the root entry's `definePolicy` also makes
 * sure the bundled common-password list is there, the browser entry's leaves that to
 * `loadCommonPasswords`.
 *
 * @example
 * ```ts
 * const policy = buildPolicy({ minLength: 10 });
 * ```
 */
export function buildPolicy(spec: PolicySpec = {}): Policy {
  const parsed = parsePolicySpec(spec);
  if (!parsed.ok) throw invalid(parsed.issue.field, parsed.issue.message);
  const s = parsed.value;
  if (s.minLength > s.maxLength)
    throw invalid('minLength', `${s.minLength} exceeds maxLength ${s.maxLength}`);

  const specialCharacters = canonicalSet(s.specialCharacters ?? DEFAULT_SPECIAL_CHARACTERS);
  checkSet('specialCharacters', specialCharacters);
  for (const ch of specialCharacters) {
    if (letterOrDigitClass(ch.codePointAt(0) as number) !== null) {
      throw invalid('specialCharacters', 'must not contain letters or digits');
    }
  }
  const allowedCharacters = resolveAllowed(s.allowedCharacters);

  const minimums: Record<CharacterClass, number> = {
    uppercase: s.minUppercase,
    lowercase: s.minLowercase,
    digit: s.minDigit,
    special: s.minSpecial,
  };
  const fieldOf: Record<CharacterClass, string> = {
    uppercase: 'minUppercase',
    lowercase: 'minLowercase',
    digit: 'minDigit',
    special: 'minSpecial',
  };
  const required = s.minUppercase + s.minLowercase + s.minDigit + s.minSpecial;
  if (required > s.maxLength) {
    throw invalid(
      'maxLength',
      `${s.maxLength} cannot hold the ${required} characters the class minimums require`,
    );
  }
  for (const c of ALL_CLASSES) {
    if (minimums[c] > 0 && !classAvailable(c, allowedCharacters, specialCharacters)) {
      throw invalid(
        c === 'special' ? 'specialCharacters' : fieldOf[c],
        `requires ${c} characters but none is allowed`,
      );
    }
  }

  let minClasses: Policy['minClasses'] = null;
  if (s.minClasses !== undefined && s.minClasses !== null) {
    const of = ALL_CLASSES.filter((c) => (s.minClasses?.of ?? ALL_CLASSES).includes(c));
    const usable = of.filter((c) => classAvailable(c, allowedCharacters, specialCharacters));
    if (s.minClasses.count > usable.length) {
      throw invalid(
        'minClasses.count',
        `${s.minClasses.count} exceeds the ${usable.length} usable classes listed`,
      );
    }
    if (s.minClasses.count > s.maxLength) throw invalid('minClasses.count', 'cannot fit in maxLength');
    minClasses = Object.freeze({ count: s.minClasses.count, of: Object.freeze(of) });
  }

  if (allowedCharacters.kind !== 'any' && s.maxRepeated !== undefined && s.maxRepeated !== null) {
    if ([...allowedCharacters.characters].length === 1 && s.maxRepeated < s.minLength) {
      throw invalid('maxRepeated', 'cannot be met with a single allowed character');
    }
  }

  if (s.passphraseLength !== null && (s.passphraseLength < s.minLength || s.passphraseLength > s.maxLength)) {
    throw invalid(
      'passphraseLength',
      `must lie within minLength ${s.minLength} and maxLength ${s.maxLength}`,
    );
  }

  const policy: Policy = {
    minLength: s.minLength,
    maxLength: s.maxLength,
    minUppercase: s.minUppercase,
    minLowercase: s.minLowercase,
    minDigit: s.minDigit,
    minSpecial: s.minSpecial,
    specialCharacters,
    minClasses,
    allowedCharacters,
    requireNormalized: s.requireNormalized,
    maxRepeated: s.maxRepeated ?? null,
    maxSequence: s.maxSequence ?? null,
    accountCheck: s.accountCheck,
    blocklist: s.blocklist,
    blockedWords: Object.freeze([...new Set(s.blockedWords.map((w) => w.toLowerCase()))]),
    similarity:
      s.similarity === false || s.similarity === null
        ? null
        : Object.freeze({ minEditDistance: s.similarity.minEditDistance }),
    historySize: s.historySize,
    rejectBreached: s.rejectBreached,
    passphraseLength: s.passphraseLength,
    patterns: Object.freeze(s.patterns.map(resolvePattern)),
  };
  attachCompiled(policy);
  return Object.freeze(policy);
}
