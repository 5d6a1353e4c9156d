/** @module Turns a policy and generator options into a plan: which pool each position draws from, the local limits, and the entropy bound. Impossible requests throw here, naming the option. */
import { PassrotateError } from '../errors.js';
import type { CharacterClass, Policy } from '../policy/types.js';
import {
  DIGITS,
  LOOK_ALIKE_CHARACTERS,
  LOWERCASE_LETTERS,
  MAIL_SAFE_SPECIAL_CHARACTERS,
  UPPERCASE_LETTERS,
} from './character-pools.js';
import { type LocalLimits, maxForbidden } from './local-rules.js';
import type { GeneratePasswordOptions } from './options.js';

/**
 * Default password length before the policy's bounds are applied.
 *
 * @example
 * ```ts
 * planPassword(presets.mailbox, {}).length === DEFAULT_PASSWORD_LENGTH; // true
 * ```
 */
const DEFAULT_PASSWORD_LENGTH = 16;

/**
 * One pool of code points and how many of them local limits may forbid at a position.
 *
 * @example
 * ```ts
 * const digits: Pool = { codes: [0x30, 0x31, 0x32], forbidden: 0, byByte: byteTable([0x30, 0x31, 0x32]) };
 * ```
 */
export interface Pool {
  readonly codes: readonly number[];
  readonly forbidden: number;
  /**
   * For pools of 2 to 256 BMP characters: byte value → character code, 0 for the bytes rejection
   * sampling discards (those at or above the largest multiple of the pool size). `null` otherwise.
   */
  readonly byByte: Uint16Array | null;
}

/**
 * The byte → character table of a pool: byte b maps to `codes[b % n]` when b is below the largest
 * multiple of n that fits in a byte, else to 0 (rejected), so a uniform byte gives a uniform character.
 *
 * @example
 * ```ts
 * byteTable([0x61, 0x62, 0x63])?.[255]; // 0: 255 ≥ 255, the rejected remainder of 256 / 3
 * ```
 */
export function byteTable(codes: readonly number[]): Uint16Array | null {
  const n = codes.length;
  if (n < 2 || n > 256 || codes.some((c) => c === 0 || c > 0xffff)) return null;
  const limit = 256 - (256 % n);
  const table = new Uint16Array(256);
  for (let b = 0; b < limit; b++) table[b] = codes[b % n] as number;
  return table;
}

/**
 * Everything {@link generatePassword} needs, computed once per policy and options.
 *
 * @example
 * ```ts
 * const plan: PasswordPlan = planPassword(presets.mailbox, {});
 * plan.required.length; // 4: one upper, one lower, one digit, one special
 * ```
 */
export interface PasswordPlan {
  readonly length: number;
  /** One pool per required character (`minUppercase`… and `minClasses`), placed at random positions. */
  readonly required: readonly Pool[];
  /** The pool of every other position: the union of the chosen classes. */
  readonly filler: Pool;
  /** The repeat/sequence limits, or `null` when the policy has neither. */
  readonly limits: LocalLimits | null;
  /** Every code point fits one UTF-16 unit (`String.fromCharCode` suffices). */
  readonly bmpOnly: boolean;
  readonly entropyBits: number;
}

const CLASS_ORDER: readonly CharacterClass[] = ['lowercase', 'uppercase', 'digit', 'special'];

function invalid(option: string, message: string): never {
  throw new PassrotateError('invalid_generator_options', `${option}: ${message}`);
}

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0) as number);
}

/** A character the policy's normalisation rule cannot refuse, whatever stands next to it. */
function isStableCharacter(codePoint: number): boolean {
  const c = String.fromCodePoint(codePoint);
  return c.normalize('NFKC') === c && !/\p{M}/u.test(c);
}

function allowedFilter(policy: Policy, options: GeneratePasswordOptions): (codePoint: number) => boolean {
  const excluded = new Set(codePoints(options.excludeCharacters ?? ''));
  if (options.excludeLookAlikes === true) for (const c of codePoints(LOOK_ALIKE_CHARACTERS)) excluded.add(c);
  const allowed = policy.allowedCharacters;
  const allowedSet = allowed.kind === 'any' ? null : new Set(codePoints(allowed.characters));
  return (c) =>
    !excluded.has(c) &&
    (allowedSet === null || allowedSet.has(c)) &&
    (!policy.requireNormalized || c < 0x80 || isStableCharacter(c));
}

function classPool(policy: Policy, options: GeneratePasswordOptions, cls: CharacterClass): number[] {
  const keep = allowedFilter(policy, options);
  switch (cls) {
    case 'lowercase':
      return codePoints(LOWERCASE_LETTERS).filter(keep);
    case 'uppercase':
      return codePoints(UPPERCASE_LETTERS).filter(keep);
    case 'digit':
      return codePoints(DIGITS).filter(keep);
    case 'special': {
      const mailSafe =
        options.specials === 'mail-safe' ? new Set(codePoints(MAIL_SAFE_SPECIAL_CHARACTERS)) : null;
      return codePoints(policy.specialCharacters).filter(
        (c) => keep(c) && (mailSafe === null || mailSafe.has(c)),
      );
    }
  }
}

function requiredCount(policy: Policy, cls: CharacterClass): number {
  switch (cls) {
    case 'lowercase':
      return policy.minLowercase;
    case 'uppercase':
      return policy.minUppercase;
    case 'digit':
      return policy.minDigit;
    case 'special':
      return policy.minSpecial;
  }
}

function chosenClasses(options: GeneratePasswordOptions): readonly CharacterClass[] {
  const pools = options.pools;
  if (pools === undefined) return CLASS_ORDER;
  for (const cls of pools) {
    if (!CLASS_ORDER.includes(cls)) invalid('pools', `unknown character class "${String(cls)}"`);
  }
  return CLASS_ORDER.filter((cls) => pools.includes(cls));
}

function resolveLength(policy: Policy, options: GeneratePasswordOptions, required: number): number {
  const { length } = options;
  if (length === undefined) {
    return Math.min(policy.maxLength, Math.max(policy.minLength, DEFAULT_PASSWORD_LENGTH, required));
  }
  if (!Number.isSafeInteger(length) || length < 1)
    invalid('length', `must be a positive integer, got ${length}`);
  if (length < policy.minLength)
    invalid('length', `${length} is below the policy's minLength ${policy.minLength}`);
  if (length > policy.maxLength)
    invalid('length', `${length} is above the policy's maxLength ${policy.maxLength}`);
  return length;
}

/**
 * Builds the plan, throwing `PassrotateError` (`invalid_generator_options`) that names the option
 * (`length`, `pools`, `specials`, `excludeCharacters`…) when no password can satisfy the request.
 *
 * @example
 * ```ts
 * planPassword(presets.mailbox, { length: 12 }).required.length; // 4
 * ```
 */
export function planPassword(policy: Policy, options: GeneratePasswordOptions): PasswordPlan {
  const classes = chosenClasses(options);
  const limits: LocalLimits | null =
    policy.maxRepeated === null && policy.maxSequence === null
      ? null
      : { maxRepeated: policy.maxRepeated, maxSequence: policy.maxSequence };
  const exclusions = "excludeCharacters/excludeLookAlikes/specials or the policy's allowedCharacters";

  const pools = new Map<CharacterClass, number[]>();
  for (const cls of CLASS_ORDER) {
    const pool = classPool(policy, options, cls);
    const needed = requiredCount(policy, cls);
    if (needed > 0 && !classes.includes(cls)) invalid('pools', `the policy requires ${cls} characters`);
    if (needed > 0 && pool.length === 0) invalid(exclusions, `no ${cls} character is left to draw from`);
    if (classes.includes(cls) && pool.length > 0) pools.set(cls, pool);
  }
  if (pools.size === 0) invalid('pools', `no character is left to draw from (${exclusions})`);

  const counts = new Map<CharacterClass, number>();
  for (const cls of pools.keys()) counts.set(cls, requiredCount(policy, cls));
  if (policy.minClasses !== null) {
    const { count, of } = policy.minClasses;
    let present = of.filter((cls) => (counts.get(cls) ?? 0) > 0).length;
    const extra = of
      .filter((cls) => pools.has(cls) && counts.get(cls) === 0)
      .sort((a, b) => (pools.get(b)?.length ?? 0) - (pools.get(a)?.length ?? 0));
    for (const cls of extra) {
      if (present >= count) break;
      counts.set(cls, 1);
      present++;
    }
    if (present < count) {
      invalid(
        'pools',
        `the policy needs ${count} of the classes ${of.join(', ')}, only ${present} can be drawn`,
      );
    }
  }

  const requiredTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  const length = resolveLength(policy, options, requiredTotal);
  if (requiredTotal > length) {
    invalid('length', `${length} is too short for the ${requiredTotal} required characters`);
  }

  const toPool = (codes: number[], name: string): Pool => {
    const forbidden = limits === null ? 0 : maxForbidden(limits, codes);
    if (codes.length - forbidden < 1) {
      invalid(exclusions, `too few ${name} characters (${codes.length}) to avoid repeats and sequences`);
    }
    return { codes, forbidden, byByte: byteTable(codes) };
  };
  const required: Pool[] = [];
  for (const [cls, count] of counts) {
    if (count === 0) continue;
    const classCodes = toPool(pools.get(cls) as number[], cls);
    for (let i = 0; i < count; i++) required.push(classCodes);
  }
  const filler = toPool([...pools.values()].flat(), 'allowed');
  const bits = (p: Pool): number => Math.log2(p.codes.length - p.forbidden);
  const entropyBits =
    required.reduce((sum, p) => sum + bits(p), 0) + (length - required.length) * bits(filler);
  const bmpOnly = filler.codes.every((c) => c <= 0xffff);
  return { length, required, filler, limits, bmpOnly, entropyBits };
}
