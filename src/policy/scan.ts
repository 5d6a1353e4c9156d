/** @module One pass over a password that gathers the facts the character rules read. */
import { isControl, letterOrDigitClass } from './characters.js';
import type { CompiledPolicy } from './compiled.js';

/**
 * Bits of `PasswordFacts.disallowed`: a control character, a character outside the allowed set,
 * a lone surrogate, text not in NFKC form.
 *
 * @example
 * ```ts
 * const facts = createFacts();
 * scanPassword(compiledOf(definePolicy()), 'tab\there', facts);
 * facts.disallowed & CONTROL; // 1
 * ```
 */
export const CONTROL = 1;
/**
 * Bit of `PasswordFacts.disallowed`: a character outside the policy's allowed set (see {@link CONTROL}).
 *
 * @example
 * ```ts
 * const facts = createFacts();
 * scanPassword(compiledOf(definePolicy({ allowedCharacters: 'printable_ascii' })), 'pässword', facts);
 * facts.disallowed & NOT_ALLOWED; // 2: 'ä' is not printable ASCII
 * ```
 */
export const NOT_ALLOWED = 2;
/**
 * Bit of `PasswordFacts.disallowed`: a lone UTF-16 surrogate (see {@link CONTROL}).
 *
 * @example
 * ```ts
 * const facts = createFacts();
 * scanPassword(compiledOf(definePolicy()), 'ab\uD800cd', facts);
 * facts.disallowed & LONE_SURROGATE; // 4
 * ```
 */
export const LONE_SURROGATE = 4;
/**
 * Bit of `PasswordFacts.disallowed`: text that is not in NFKC form (see {@link CONTROL}).
 *
 * @example
 * ```ts
 * const facts = createFacts();
 * scanPassword(compiledOf(definePolicy()), '\uFB01sh-Tank-42', facts); // starts with the 'ﬁ' ligature
 * facts.disallowed & NOT_NORMALIZED; // 8
 * ```
 */
export const NOT_NORMALIZED = 8;

/**
 * What one pass over a password found (internal, reused between calls).
 *
 * @example
 * ```ts
 * const facts = createFacts();
 * scanPassword(compiledOf(policy), 'Abc-123', facts);
 * facts.uppercase; // 1
 * ```
 */
export interface PasswordFacts {
  /** Length in code points (a lone surrogate counts as one). */
  length: number;
  uppercase: number;
  lowercase: number;
  digit: number;
  special: number;
  longestRun: number;
  longestSequence: number;
  disallowed: number;
  /** Whether every code unit is ASCII. */
  ascii: boolean;
}

/** The kind bits of a policy's `asciiInfo` entries (1 upper, 2 lower, 3 digit). */
const KIND_MASK = 3;
const KIND_UPPER = 1;
const KIND_LOWER = 2;
const KIND_DIGIT = 3;
/**
 * The other bits of a policy's `asciiInfo` entries: special, control, not allowed.
 *
 * @example
 * ```ts
 * asciiInfo[0x21] & INFO_SPECIAL; // 4 when '!' is special
 * ```
 */
export const INFO_SPECIAL = 4;
/**
 * Bit of a policy's `asciiInfo` entries: a control character (see {@link INFO_SPECIAL}).
 *
 * @example
 * ```ts
 * (compiledOf(definePolicy()).asciiInfo[0x09] ?? 0) & INFO_CONTROL; // 8: TAB is a control character
 * ```
 */
export const INFO_CONTROL = 8;
/**
 * Bit of a policy's `asciiInfo` entries: a character the policy does not allow (see {@link INFO_SPECIAL}).
 *
 * @example
 * ```ts
 * const policy = definePolicy({ allowedCharacters: { custom: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-' } });
 * (compiledOf(policy).asciiInfo[0x7e] ?? 0) & INFO_NOT_ALLOWED; // 16: '~' is not in the custom set
 * ```
 */
export const INFO_NOT_ALLOWED = 16;

/** 1 upper, 2 lower, 3 digit, 0 other — for ASCII. */
const ASCII_KIND = new Uint8Array(128);
for (let c = 0x41; c <= 0x5a; c++) ASCII_KIND[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) ASCII_KIND[c] = 2;
for (let c = 0x30; c <= 0x39; c++) ASCII_KIND[c] = 3;

/** ASCII with uppercase letters lowered (for sequences). */
const FOLD_CASE = new Uint8Array(128);
for (let c = 0; c < 128; c++) FOLD_CASE[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;

/**
 * The kind bits of an ASCII code point (used to build a policy's `asciiInfo`).
 *
 * @example
 * ```ts
 * asciiKind(0x41); // 1 (uppercase A)
 * ```
 */
export function asciiKind(cp: number): number {
  return ASCII_KIND[cp] as number;
}

/**
 * The sequences a run may follow: the alphabet, the digits and the keyboard rows of QWERTY, QWERTZ
 * and AZERTY layouts (letters lowercased), plus the shifted digit row of US keyboards.
 */
const SEQUENCES: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'yxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  '!@#$%^&*()',
];

/** STEP[a * 128 + b]: bit 1 when b follows a in some sequence, bit 2 when b precedes a. */
const STEP = new Uint8Array(128 * 128);
for (const seq of SEQUENCES) {
  for (let i = 0; i + 1 < seq.length; i++) {
    const a = seq.charCodeAt(i);
    const b = seq.charCodeAt(i + 1);
    STEP[a * 128 + b] = (STEP[a * 128 + b] as number) | 1;
    STEP[b * 128 + a] = (STEP[b * 128 + a] as number) | 2;
  }
}

/**
 * Creates a zeroed facts record.
 *
 * @example
 * ```ts
 * const facts = createFacts(); // all zero
 * ```
 */
export function createFacts(): PasswordFacts {
  return {
    length: 0,
    uppercase: 0,
    lowercase: 0,
    digit: 0,
    special: 0,
    longestRun: 0,
    longestSequence: 0,
    disallowed: 0,
    ascii: true,
  };
}

/**
 * Counts code points (a lone surrogate counts as one) in one linear pass, for absurdly long input.
 *
 * @example
 * ```ts
 * countCodePoints('a😀'); // 2
 * ```
 */
export function countCodePoints(password: string): number {
  const n = password.length;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const u = password.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
      const lo = password.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Fills `f` with the facts of `password` under policy `c`. ASCII passwords (the common case) take
 * a fast path with one table lookup per character; anything else takes the general path.
 *
 * @example
 * ```ts
 * scanPassword(compiledOf(presets.mailbox), 'Abc-123', facts);
 * ```
 */
export function scanPassword(c: CompiledPolicy, password: string, f: PasswordFacts): void {
  const n = password.length;
  const info = c.asciiInfo;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let special = 0;
  let flags = 0;
  for (let i = 0; i < n; i++) {
    const cp = password.charCodeAt(i);
    if (cp >= 128) {
      scanGeneral(c, password, f);
      return;
    }
    const x = info[cp] as number;
    const kind = x & KIND_MASK;
    if (kind === KIND_UPPER) upper++;
    else if (kind === KIND_LOWER) lower++;
    else if (kind === KIND_DIGIT) digit++;
    special += (x >> 2) & 1;
    flags |= x;
  }
  f.length = n;
  f.uppercase = upper;
  f.lowercase = lower;
  f.digit = digit;
  f.special = special;
  f.disallowed = (flags & INFO_CONTROL ? CONTROL : 0) | (flags & INFO_NOT_ALLOWED ? NOT_ALLOWED : 0);
  f.ascii = true;
  f.longestRun = c.policy.maxRepeated === null ? 0 : longestRunAscii(password);
  f.longestSequence = c.policy.maxSequence === null ? 0 : longestSequenceAscii(password);
}

function longestRunAscii(password: string): number {
  let longest = password.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < password.length; i++) {
    run = password.charCodeAt(i) === password.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}

function longestSequenceAscii(password: string): number {
  const n = password.length;
  if (n === 0) return 0;
  let longest = 1;
  let fwd = 1;
  let bwd = 1;
  let prev = FOLD_CASE[password.charCodeAt(0)] as number;
  for (let i = 1; i < n; i++) {
    const cur = FOLD_CASE[password.charCodeAt(i)] as number;
    const step = STEP[prev * 128 + cur] as number;
    fwd = step & 1 ? fwd + 1 : 1;
    bwd = step & 2 ? bwd + 1 : 1;
    if (fwd > longest) longest = fwd;
    if (bwd > longest) longest = bwd;
    prev = cur;
  }
  return longest;
}

/**
 * The general path: any string, including astral characters and lone surrogates.
 *
 * @example
 * ```ts
 * scanGeneral(compiledOf(presets.mailbox), 'Ab😀-1', facts);
 * ```
 */
export function scanGeneral(c: CompiledPolicy, password: string, f: PasswordFacts): void {
  const n = password.length;
  const specialAscii = c.specialAscii;
  const allowedAscii = c.allowedAscii;
  let length = 0;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let special = 0;
  let disallowed = 0;
  let prev = -1;
  let prevFold = -1;
  let run = 0;
  let longestRun = 0;
  let fwd = 0;
  let bwd = 0;
  let longestSeq = 0;
  let nonAscii = false;
  for (let i = 0; i < n; i++) {
    let cp = password.charCodeAt(i);
    length++;
    if (cp < 128) {
      const kind = ASCII_KIND[cp] as number;
      if (kind === 1) upper++;
      else if (kind === 2) lower++;
      else if (kind === 3) digit++;
      else if (specialAscii[cp] === 1) special++;
      if (cp < 0x20 || cp === 0x7f) disallowed |= CONTROL;
      else if (allowedAscii !== null && allowedAscii[cp] !== 1) disallowed |= NOT_ALLOWED;
      const fold = kind === 1 ? cp | 0x20 : cp;
      if (prevFold >= 0) {
        const step = STEP[prevFold * 128 + fold] as number;
        fwd = step & 1 ? fwd + 1 : 1;
        bwd = step & 2 ? bwd + 1 : 1;
      } else {
        fwd = 1;
        bwd = 1;
      }
      if (fwd > longestSeq) longestSeq = fwd;
      if (bwd > longestSeq) longestSeq = bwd;
      prevFold = fold;
    } else {
      nonAscii = true;
      prevFold = -1;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        const lo = cp <= 0xdbff && i + 1 < n ? password.charCodeAt(i + 1) : 0;
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          i++;
        } else {
          disallowed |= LONE_SURROGATE;
        }
      }
      if (cp < 0xd800 || cp > 0xdfff) {
        const kind = letterOrDigitClass(cp);
        if (kind === 'uppercase') upper++;
        else if (kind === 'lowercase') lower++;
        else if (kind === 'digit') digit++;
        else if (c.specialOther.has(cp)) special++;
        if (isControl(cp)) disallowed |= CONTROL;
        else if (c.allowedOther !== null && !c.allowedOther.has(cp)) disallowed |= NOT_ALLOWED;
      }
      if (longestSeq < 1) longestSeq = 1;
    }
    run = cp === prev ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
    prev = cp;
  }
  if (
    nonAscii &&
    c.policy.requireNormalized &&
    (disallowed & LONE_SURROGATE) === 0 &&
    password.normalize('NFKC') !== password
  ) {
    disallowed |= NOT_NORMALIZED;
  }
  f.length = length;
  f.uppercase = upper;
  f.lowercase = lower;
  f.digit = digit;
  f.special = special;
  f.longestRun = longestRun;
  f.longestSequence = longestSeq;
  f.disallowed = disallowed;
  f.ascii = !nonAscii;
}
