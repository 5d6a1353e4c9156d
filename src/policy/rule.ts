/** @module The shape every rule module under `rules/` has: its codes, check, requirement lines, passwordrules part. */
import type { CompiledPolicy } from './compiled.js';
import type { Requirement } from './requirements.js';
import type { PasswordFacts } from './scan.js';
import type { Policy, ValidationContext, Violation, ViolationCode } from './types.js';

/**
 * What a rule's check reads (internal). `lowered()` is the lowercased password, computed once;
 * `containsFolded(word)` says whether the folded password (see `fold.ts`) contains a folded word.
 *
 * @example
 * ```ts
 * input.lowered(); // 'abc-123' for 'ABC-123'
 * ```
 */
export interface RuleInput {
  readonly compiled: CompiledPolicy;
  readonly policy: Policy;
  readonly password: string;
  readonly facts: PasswordFacts;
  readonly context: ValidationContext | undefined;
  lowered(): string;
  containsFolded(foldedWord: string): boolean;
}

/**
 * One rule (internal): adding a rule means adding one module and listing it in `rules/index.ts`.
 *
 * @example
 * ```ts
 * const rule: PolicyRule = { codes: ['common_password'], requirements: () => [], passwordRules: () => [] };
 * ```
 */
export interface PolicyRule {
  /** The violation codes this rule can report. */
  readonly codes: readonly ViolationCode[];
  /** The requirement lines it contributes (none when the policy does not activate it). */
  requirements(policy: Policy): Requirement[];
  /** Its `passwordrules` properties, each ending with `;`. */
  passwordRules(policy: Policy): string[];
  /** The synchronous check: pushes violations to `out`. */
  check?(input: RuleInput, out: Violation[]): void;
  /** The asynchronous check (reuse, breach), run by `validatePasswordAsync` only. */
  checkAsync?(input: RuleInput): Promise<Violation | null>;
}
