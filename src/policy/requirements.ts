/** @module Requirement data: what a form shows before submit, one entry per active rule. */
import type { AllowedCharacters, CharacterClass, ViolationCode } from './types.js';

/**
 * One requirement of a policy, as data (the text comes from a locale). `code` is the violation code
 * the requirement guards, so a page can tick it when that violation disappears.
 *
 * @example
 * ```ts
 * const r: Requirement = { code: 'too_short', minimum: 8 };
 * ```
 */
export type Requirement =
  | { readonly code: 'too_short'; readonly minimum: number }
  | { readonly code: 'too_long'; readonly maximum: number }
  | { readonly code: 'missing_uppercase'; readonly minimum: number; readonly waivedFrom?: number | null }
  | { readonly code: 'missing_lowercase'; readonly minimum: number; readonly waivedFrom?: number | null }
  | { readonly code: 'missing_digit'; readonly minimum: number; readonly waivedFrom?: number | null }
  | {
      readonly code: 'missing_special';
      readonly minimum: number;
      readonly characters: string;
      readonly waivedFrom?: number | null;
    }
  | {
      readonly code: 'too_few_classes';
      readonly minimum: number;
      readonly classes: readonly CharacterClass[];
      /** The passphrase exemption: from this many characters on the rule is waived (`null`: never). */
      readonly waivedFrom?: number | null;
    }
  | {
      readonly code: 'disallowed_character';
      readonly allowed: AllowedCharacters['kind'];
      /** The allowed characters for `custom` (null otherwise). */
      readonly characters: string | null;
      /** Whether the password must be in NFKC form. */
      readonly normalized: boolean;
    }
  | { readonly code: 'repeated_characters'; readonly maximum: number }
  | { readonly code: 'sequential_characters'; readonly maximum: number }
  | { readonly code: 'common_password' }
  | { readonly code: 'contains_account' }
  | { readonly code: 'too_similar_to_current'; readonly minimum: number }
  | { readonly code: 'reused_password'; readonly history: number }
  | { readonly code: 'breached_password' }
  | {
      readonly code: 'pattern_mismatch';
      readonly id: string;
      readonly index: number;
      readonly message: { readonly [tag: string]: string } | null;
    };

/**
 * The code of a requirement line (every violation code except `same_as_current`, which shares the
 * `too_similar_to_current` line, and `confirmation_mismatch`, which is no policy rule).
 *
 * @example
 * ```ts
 * const code: RequirementCode = 'missing_special';
 * ```
 */
export type RequirementCode = Requirement['code'];

/**
 * The requirement with code `C`.
 *
 * @example
 * ```ts
 * const r: RequirementOf<'too_long'> = { code: 'too_long', maximum: 128 };
 * ```
 */
export type RequirementOf<C extends RequirementCode> = Extract<Requirement, { readonly code: C }>;

/**
 * A requirement line as `describePolicy` returns it: the data, its sentence, and every violation
 * code that means this line is unmet.
 *
 * @example
 * ```ts
 * const line: RequirementLine = {
 *   code: 'too_short', text: 'At least 8 characters', requirement: { code: 'too_short', minimum: 8 },
 *   codes: ['too_short'],
 * };
 * ```
 */
export interface RequirementLine {
  readonly code: RequirementCode;
  readonly text: string;
  readonly requirement: Requirement;
  readonly codes: readonly ViolationCode[];
}

/**
 * A requirement line evaluated against a typed password: `met` is `true`/`false`, or `null` when
 * it cannot be known here (no account in the context, or a check that needs the server).
 *
 * @example
 * ```ts
 * for (const line of checkRequirements(policy, input.value)) li(line.text, line.met);
 * ```
 */
export interface RequirementStatus extends RequirementLine {
  readonly met: boolean | null;
}
