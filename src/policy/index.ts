/** @module The policy engine: define a policy, validate against it, describe it, drive the browser. */
export { DEFAULT_SPECIAL_CHARACTERS, PRINTABLE_ASCII } from './characters.js';
export { definePolicy } from './define-policy.js';
export type {
  AccountPart,
  AllowedCharacters,
  AllowedCharactersSpec,
  CharacterClass,
  DisallowedReason,
  MinClassesSpec,
  Policy,
  PolicySpec,
  PreviousPasswordMatcher,
  ValidationContext,
  ValidationResult,
  Violation,
  ViolationCode,
  ViolationOf,
} from './types.js';
export { validatePassword, validatePasswordAsync } from './validate.js';
