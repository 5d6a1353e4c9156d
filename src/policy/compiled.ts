/** @module Lookup tables precomputed once per policy, so validation allocates as little as possible. */
import { foldText } from './fold.js';
import type { PolicyRule } from './rule.js';
import { SYNC_RULES } from './rules/index.js';
import { asciiKind, INFO_CONTROL, INFO_NOT_ALLOWED, INFO_SPECIAL } from './scan.js';
import type { Policy } from './types.js';

/**
 * Per-policy tables (internal). `allowedAscii === null` means every non-control character is allowed.
 *
 * @example
 * ```ts
 * compiledOf(presets.mailbox).checks.length; // the checks the mailbox preset runs
 * ```
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  /** 1 at index c when ASCII code point c is special. */
  readonly specialAscii: Uint8Array;
  /** Non-ASCII special code points. */
  readonly specialOther: ReadonlySet<number>;
  readonly allowedAscii: Uint8Array | null;
  readonly allowedOther: ReadonlySet<number> | null;
  /** Bit 0 uppercase, 1 lowercase, 2 digit, 3 special: the classes that count for `minClasses`. */
  readonly classMask: number;
  /** Extra blocked words, folded (see `fold.ts`). */
  readonly blockedWords: readonly string[];
  /** Per ASCII code point: kind bits, special, control, not allowed (see `scan.ts`). */
  readonly asciiInfo: Uint8Array;
  /** The policy's `patterns`, compiled in order. */
  readonly patterns: readonly RegExp[];
  /** The synchronous checks this policy needs, in report order. */
  readonly checks: readonly NonNullable<PolicyRule['check']>[];
}

/** The key of the (non-enumerable) compiled tables on a policy made by `definePolicy`. */
const COMPILED: unique symbol = Symbol('passrotate.compiled');

function tables(characters: string): { ascii: Uint8Array; other: Set<number> } {
  const ascii = new Uint8Array(128);
  const other = new Set<number>();
  for (const ch of characters) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 128) ascii[cp] = 1;
    else other.add(cp);
  }
  return { ascii, other };
}

const CLASS_BITS = { uppercase: 1, lowercase: 2, digit: 4, special: 8 } as const;

/** Whether a sync rule must run under `policy`: it has requirement lines, or it depends on the context only. */
function needed(rule: PolicyRule, policy: Policy): boolean {
  return (
    rule.requirements(policy).length > 0 ||
    rule.codes.includes('same_as_current') ||
    rule.codes.includes('confirmation_mismatch')
  );
}

/**
 * Builds the tables of a policy about to be frozen and attaches them under a private symbol
 * (internal; reading a property is much cheaper than a `WeakMap` lookup on the hot path).
 *
 * @example
 * ```ts
 * attachCompiled(draft); // then Object.freeze(draft)
 * ```
 */
export function attachCompiled(policy: Policy): void {
  const special = tables(policy.specialCharacters);
  const allowed =
    policy.allowedCharacters.kind === 'any' ? null : tables(policy.allowedCharacters.characters);
  let classMask = 0;
  for (const c of policy.minClasses?.of ?? []) classMask |= CLASS_BITS[c];
  const asciiInfo = new Uint8Array(128);
  for (let cp = 0; cp < 128; cp++) {
    let x = asciiKind(cp);
    if (special.ascii[cp] === 1 && x === 0) x |= INFO_SPECIAL;
    if (cp < 0x20 || cp === 0x7f) x |= INFO_CONTROL;
    else if (allowed !== null && allowed.ascii[cp] !== 1) x |= INFO_NOT_ALLOWED;
    asciiInfo[cp] = x;
  }
  const result: CompiledPolicy = {
    policy,
    specialAscii: special.ascii,
    specialOther: special.other,
    allowedAscii: allowed?.ascii ?? null,
    allowedOther: allowed?.other ?? null,
    classMask,
    blockedWords: [...new Set(policy.blockedWords.map(foldText))],
    asciiInfo,
    patterns: policy.patterns.map((p) => new RegExp(p.regex, p.flags)),
    checks: SYNC_RULES.filter((rule) => needed(rule, policy)).map(
      (rule) => rule.check as NonNullable<PolicyRule['check']>,
    ),
  };
  Object.defineProperty(policy, COMPILED, { value: result, enumerable: false });
}

/**
 * The tables of a policy made by `definePolicy`; a hand-made object is a programmer error.
 *
 * @example
 * ```ts
 * compiledOf(definePolicy()).asciiInfo[0x41]; // 1 (uppercase)
 * ```
 */
export function compiledOf(policy: Policy): CompiledPolicy {
  const found = (policy as unknown as { [COMPILED]?: CompiledPolicy } | null | undefined)?.[COMPILED];
  if (found === undefined || found.policy !== policy)
    throw new TypeError('policy must be created with definePolicy()');
  return found;
}
