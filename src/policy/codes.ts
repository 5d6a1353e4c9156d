/** @module The lists of every violation and requirement code, checked complete by the compiler. */
import type { RequirementCode } from './requirements.js';
import type { ViolationCode } from './types.js';

const violationCodes = {
  too_short: true,
  too_long: true,
  missing_uppercase: true,
  missing_lowercase: true,
  missing_digit: true,
  missing_special: true,
  too_few_classes: true,
  disallowed_character: true,
  repeated_characters: true,
  sequential_characters: true,
  common_password: true,
  contains_account: true,
  same_as_current: true,
  too_similar_to_current: true,
  reused_password: true,
  breached_password: true,
  confirmation_mismatch: true,
  pattern_mismatch: true,
} as const satisfies Record<ViolationCode, true>;

/**
 * Every violation code, in the order of DESIGN.md.
 *
 * @example
 * ```ts
 * VIOLATION_CODES.includes('too_short'); // true
 * ```
 */
export const VIOLATION_CODES: readonly ViolationCode[] = Object.freeze(
  Object.keys(violationCodes) as ViolationCode[],
);

/**
 * Every requirement-line code (all violation codes but `same_as_current` and `confirmation_mismatch`).
 *
 * @example
 * ```ts
 * REQUIREMENT_CODES.length; // 16
 * ```
 */
export const REQUIREMENT_CODES: readonly RequirementCode[] = Object.freeze(
  VIOLATION_CODES.filter(
    (c): c is RequirementCode => c !== 'same_as_current' && c !== 'confirmation_mismatch',
  ),
);
