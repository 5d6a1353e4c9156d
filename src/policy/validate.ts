/** @module `validatePassword` and `validatePasswordAsync`: every unmet rule at once, never a throw on any string. */
import { type CompiledPolicy, compiledOf } from './compiled.js';
import { containsFoldedAscii, foldText } from './fold.js';
import type { RuleInput } from './rule.js';
import { ASYNC_RULES } from './rules/index.js';
import { countCodePoints, createFacts, type PasswordFacts, scanPassword } from './scan.js';
import type { Policy, ValidationContext, ValidationResult, Violation } from './types.js';

const OK: ValidationResult = Object.freeze({ ok: true, violations: Object.freeze([]) as readonly [] });

/** Beyond this many code points per allowed one, only `too_long` is reported (bounded work). */
const ABSURD_FACTOR = 4;

class Input implements RuleInput {
  compiled!: CompiledPolicy;
  policy!: Policy;
  password = '';
  context: ValidationContext | undefined;
  readonly facts: PasswordFacts = createFacts();
  private lower: string | null = null;
  private folded: string | null = null;

  reset(compiled: CompiledPolicy, password: string, context: ValidationContext | undefined): this {
    this.compiled = compiled;
    this.policy = compiled.policy;
    this.password = password;
    this.context = context;
    this.lower = null;
    this.folded = null;
    return this;
  }

  lowered(): string {
    this.lower ??= this.password.toLowerCase();
    return this.lower;
  }

  containsFolded(foldedWord: string): boolean {
    if (this.facts.ascii) return containsFoldedAscii(this.password, foldedWord);
    this.folded ??= foldText(this.password);
    return this.folded.includes(foldedWord);
  }
}

const shared = new Input();
/** Collects the violations of one synchronous call; handed out (and replaced) only when non-empty. */
let scratch: Violation[] = [];

/**
 * The code point count of `password` when it is beyond the work limit (4 × `maxLength`), where
 * only `too_long` is reported; `null` otherwise (internal).
 *
 * @example
 * ```ts
 * absurdLength(presets.mailbox, 'x'.repeat(1000)); // 1000
 * ```
 */
export function absurdLength(policy: Policy, password: string): number | null {
  const limit = policy.maxLength * ABSURD_FACTOR;
  if (password.length <= limit) return null;
  const actual = countCodePoints(password);
  return actual > limit ? actual : null;
}

/** Runs the synchronous checks; `true` when the password is absurdly long (async checks skipped). */
function runSync(input: Input, out: Violation[]): boolean {
  const { policy, password } = input;
  const actual = absurdLength(policy, password);
  if (actual !== null) {
    out.push({ code: 'too_long', maximum: policy.maxLength, actual });
    const confirmation = input.context?.confirmation;
    if (confirmation !== undefined && confirmation !== password) out.push({ code: 'confirmation_mismatch' });
    return true;
  }
  scanPassword(input.compiled, password, input.facts);
  const checks = input.compiled.checks;
  for (let i = 0; i < checks.length; i++) (checks[i] as (typeof checks)[number])(input, out);
  return false;
}

function checkArguments(password: unknown, context: unknown): void {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  if (context !== undefined && (typeof context !== 'object' || context === null)) {
    throw new TypeError('context must be an object when given');
  }
}

/**
 * Checks `password` against every synchronous rule of `policy` and reports every unmet rule at
 * once, each with the data a form needs. Never throws for any string: lone surrogates, control
 * characters and megabyte inputs are reported, not crashed on (input longer than 4 × `maxLength`
 * code points gets only `too_long`, after one linear count — no regular expression runs on it).
 *
 * Rules that need the context run only when it has their input: `contains_account` needs
 * `account`/`displayName`, `same_as_current`/`too_similar_to_current` need `currentPassword`,
 * `confirmation_mismatch` needs `confirmation`. `reused_password` and `breached_password` need a
 * server round trip: use {@link validatePasswordAsync} for them.
 *
 * The password is never modified or normalised (see `docs/unicode.md`), and no violation contains it.
 *
 * @param policy - a policy from {@link definePolicy} or `presets`.
 * @param password - the candidate, exactly as it will be hashed.
 * @param context - what else is known (account, current password, confirmation…).
 * @returns `{ ok: true, violations: [] }` or `{ ok: false, violations }`.
 * @throws TypeError when `policy` was not made by `definePolicy`, `password` is not a string, or a
 *   context field used by a rule is not a string (the message names the field, never its value).
 * @example
 * ```ts
 * validatePassword(presets.mailbox, 'abc');
 * // { ok: false, violations: [{ code: 'too_short', minimum: 8, actual: 3 }, { code: 'missing_uppercase', … }, …] }
 * ```
 */
export function validatePassword(
  policy: Policy,
  password: string,
  context?: ValidationContext,
): ValidationResult {
  const compiled = compiledOf(policy);
  checkArguments(password, context);
  if (scratch.length !== 0) scratch.length = 0;
  try {
    runSync(shared.reset(compiled, password, context), scratch);
  } finally {
    shared.reset(compiled, '', undefined);
  }
  if (scratch.length === 0) return OK;
  const violations = scratch;
  scratch = [];
  return { ok: false, violations };
}

/**
 * {@link validatePassword} plus the rules that need I/O: `reused_password` (when the policy has
 * `historySize > 0` and `context.previousHashes` is given) and `breached_password` (when the policy
 * has `rejectBreached` and `context.breachChecker` is given). A rule whose port is missing from the
 * context is skipped, so the same call works in a browser. Errors of a port propagate.
 *
 * @param policy - a policy from {@link definePolicy}.
 * @param password - the candidate.
 * @param context - as for `validatePassword`, plus the ports.
 * @returns every unmet rule.
 * @example
 * ```ts
 * const result = await validatePasswordAsync(policy, candidate, {
 *   account: 'alice@example.org',
 *   previousHashes: async (c) => c === 'Old-Secret-1',
 * });
 * ```
 */
export async function validatePasswordAsync(
  policy: Policy,
  password: string,
  context?: ValidationContext,
): Promise<ValidationResult> {
  const compiled = compiledOf(policy);
  checkArguments(password, context);
  const input = new Input().reset(compiled, password, context);
  const out: Violation[] = [];
  const absurd = runSync(input, out);
  if (!absurd) {
    const found = await Promise.all(ASYNC_RULES.map((rule) => rule.checkAsync?.(input) ?? null));
    for (const v of found) if (v !== null) out.push(v);
  }
  return out.length === 0 ? OK : { ok: false, violations: out };
}
