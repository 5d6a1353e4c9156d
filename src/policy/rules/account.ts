/** @module Rule: the password must not contain the mailbox's local part, domain name or display name. */
import type { PolicyRule, RuleInput } from '../rule.js';
import type { AccountPart, ValidationContext } from '../types.js';

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
 * domain's labels without the last one (the TLD); the display name's words — lowercased, ≥ 3 long.
 */
export function accountTokens(context: ValidationContext): Tokens {
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
  return { local_part: [...local], domain: [...domain], display_name: [...display] };
}

let lastAccount: string | undefined;
let lastDisplayName: string | undefined;
let lastTokens: Tokens | null = null;

/** Tokens of the context, remembered for the last account seen (forms validate on every keystroke). */
function tokensOf(context: ValidationContext): Tokens {
  if (lastTokens === null || context.account !== lastAccount || context.displayName !== lastDisplayName) {
    lastTokens = accountTokens(context);
    lastAccount = context.account;
    lastDisplayName = context.displayName;
  }
  return lastTokens;
}

const PARTS: readonly AccountPart[] = ['local_part', 'domain', 'display_name'];

function check(input: RuleInput, out: Parameters<NonNullable<PolicyRule['check']>>[1]): void {
  const context = input.context;
  if (!input.policy.accountCheck || context === undefined) return;
  if (context.account === undefined && context.displayName === undefined) return;
  const tokens = tokensOf(context);
  for (const part of PARTS) {
    for (const token of tokens[part]) {
      if (input.contains(token)) {
        out.push({ code: 'contains_account', part });
        break;
      }
    }
  }
}

/**
 * `contains_account`, one violation per part found: the password (lowercased, and with leet undone)
 * contains a token of the account address or display name. Needs `context.account` and/or
 * `context.displayName`.
 */
export const accountRule: PolicyRule = {
  codes: ['contains_account'],
  requirements: (p) => (p.accountCheck ? [{ code: 'contains_account' }] : []),
  passwordRules: () => [],
  check,
};
