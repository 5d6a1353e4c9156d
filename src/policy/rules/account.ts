/** @module Rule: the password must not contain the mailbox's local part, domain name or display name. */
import { FOLD, foldText, matchesFoldedAt } from '../fold.js';
import type { PolicyRule, RuleInput } from '../rule.js';
import type { AccountPart, ValidationContext, Violation } from '../types.js';

/** Tokens shorter than this are ignored (`al`, `de` would refuse too much). */
const MIN_TOKEN = 3;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

interface Tokens {
  readonly local_part: readonly string[];
  readonly domain: readonly string[];
  readonly display_name: readonly string[];
}

function words(text: string, into: Set<string>): void {
  for (const w of text.split(SEPARATORS)) if (w.length >= MIN_TOKEN) into.add(w);
}

/**
 * The tokens of an account (internal): the local part whole and split at `.`, `_`, `+`, `-`…; the
 * domain's labels without the last one (the TLD); the display name's words — ≥ 3 long, folded
 * (lowercased, leet undone, see `fold.ts`).
 *
 * @example
 * ```ts
 * accountTokens({ account: 'alice.m@example.org' }).local_part; // ['aiice.m', 'aiice']
 * ```
 */
export function accountTokens(context: ValidationContext): Tokens {
  for (const value of [context.account, context.displayName]) {
    if (value !== undefined && typeof value !== 'string') {
      throw new TypeError('context.account and context.displayName must be strings');
    }
  }
  const local = new Set<string>();
  const domain = new Set<string>();
  const display = new Set<string>();
  const account = context.account?.toLowerCase() ?? '';
  const at = account.lastIndexOf('@');
  const localPart = at < 0 ? account : account.slice(0, at);
  if (localPart.length >= MIN_TOKEN) local.add(localPart);
  words(localPart, local);
  if (at >= 0) {
    const labels = account.slice(at + 1).split('.');
    if (labels.length > 1) labels.pop();
    for (const label of labels) {
      if (label.length >= MIN_TOKEN) domain.add(label);
      words(label, domain);
    }
  }
  words(context.displayName?.toLowerCase() ?? '', display);
  const fold = (set: Set<string>): string[] => [...new Set([...set].map(foldText))];
  return { local_part: fold(local), domain: fold(domain), display_name: fold(display) };
}

const PARTS: readonly AccountPart[] = ['local_part', 'domain', 'display_name'];

/** Tokens indexed by their first (ASCII) code unit: parallel lists of words and their part bits. */
interface Matcher {
  readonly tokens: Tokens;
  readonly words: readonly (readonly string[] | undefined)[];
  readonly bits: readonly (readonly number[] | undefined)[];
  /** 1 at each raw ASCII code unit whose folded form starts some token. */
  readonly starts: Uint8Array;
}

function matcherOf(tokens: Tokens): Matcher {
  // Packed 128-slot arrays (a sparse one would fall back to slow dictionary lookups).
  const words: (string[] | undefined)[] = Array.from({ length: 128 }, () => undefined);
  const bits: (number[] | undefined)[] = Array.from({ length: 128 }, () => undefined);
  PARTS.forEach((part, bit) => {
    for (const word of tokens[part]) {
      const first = word.charCodeAt(0);
      if (first >= 128 || /[^\0-\x7f]/.test(word)) continue;
      const list = words[first] ?? [];
      const parts = bits[first] ?? [];
      list.push(word);
      parts.push(1 << bit);
      words[first] = list;
      bits[first] = parts;
    }
  });
  const starts = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (words[FOLD[c] as number] !== undefined) starts[c] = 1;
  return { tokens, words, bits, starts };
}

let lastAccount: string | undefined;
let lastDisplayName: string | undefined;
let lastMatcher: Matcher | null = null;

/** The matcher of the context, remembered for the last account seen (forms validate on every keystroke). */
function matcherFor(context: ValidationContext): Matcher {
  if (lastMatcher === null || context.account !== lastAccount || context.displayName !== lastDisplayName) {
    lastMatcher = matcherOf(accountTokens(context));
    lastAccount = context.account;
    lastDisplayName = context.displayName;
  }
  return lastMatcher;
}

/** Bit set of the parts found in an ASCII password: one pass, tokens tried only where their first letter is. */
function partsInAscii(password: string, matcher: Matcher): number {
  let found = 0;
  const { words, bits, starts } = matcher;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (starts[c] === 0) continue;
    const first = FOLD[c] as number;
    const candidates = words[first] as readonly string[];
    const candidateBits = bits[first] as readonly number[];
    for (let k = 0; k < candidates.length; k++) {
      const bit = candidateBits[k] as number;
      if ((found & bit) === 0 && matchesFoldedAt(password, i, candidates[k] as string)) found |= bit;
    }
  }
  return found;
}

function partsInAny(input: RuleInput, tokens: Tokens): number {
  let found = 0;
  PARTS.forEach((part, bit) => {
    if (tokens[part].some((word) => input.containsFolded(word))) found |= 1 << bit;
  });
  return found;
}

function check(input: RuleInput, out: Violation[]): void {
  const context = input.context;
  if (!input.policy.accountCheck || context === undefined) return;
  if (context.account === undefined && context.displayName === undefined) return;
  const matcher = matcherFor(context);
  const found = input.facts.ascii ? partsInAscii(input.password, matcher) : partsInAny(input, matcher.tokens);
  if (found === 0) return;
  for (let bit = 0; bit < PARTS.length; bit++) {
    if (found & (1 << bit)) out.push({ code: 'contains_account', part: PARTS[bit] as AccountPart });
  }
}

/**
 * `contains_account`, one violation per part found: the password (lowercased, and with leet undone)
 * contains a token of the account address or display name. Needs `context.account` and/or
 * `context.displayName`.
 *
 * @example
 * ```ts
 * accountRule.requirements(presets.mailbox); // [{ code: 'contains_account' }]
 * ```
 */
export const accountRule: PolicyRule = {
  codes: ['contains_account'],
  requirements: (p) => (p.accountCheck ? [{ code: 'contains_account' }] : []),
  passwordRules: () => [],
  check,
};
