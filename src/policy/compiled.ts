/** @module Lookup tables precomputed once per policy, so validation allocates as little as possible. */
import type { Policy } from './types.js';

/** Per-policy tables (internal). `allowedAscii === null` means every non-control character is allowed. */
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
  /** Extra blocked words, lowercased. */
  readonly blockedWords: ReadonlySet<string>;
}

const registry = new WeakMap<Policy, CompiledPolicy>();

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

/** Builds and registers the tables of a freshly defined policy (internal). */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const special = tables(policy.specialCharacters);
  const allowed =
    policy.allowedCharacters.kind === 'any' ? null : tables(policy.allowedCharacters.characters);
  let classMask = 0;
  for (const c of policy.minClasses?.of ?? []) classMask |= CLASS_BITS[c];
  const result: CompiledPolicy = {
    policy,
    specialAscii: special.ascii,
    specialOther: special.other,
    allowedAscii: allowed?.ascii ?? null,
    allowedOther: allowed?.other ?? null,
    classMask,
    blockedWords: new Set(policy.blockedWords),
  };
  registry.set(policy, result);
  return result;
}

/** The tables of a policy made by `definePolicy`; a hand-made object is a programmer error. */
export function compiledOf(policy: Policy): CompiledPolicy {
  const found = registry.get(policy);
  if (found === undefined) throw new TypeError('policy must be created with definePolicy()');
  return found;
}
