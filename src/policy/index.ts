/** @module The policy engine: define a policy, validate against it, describe it, drive the browser. */

export { parseBreachLine, passwordSha1Hex } from './breach/sha1.js';
export { sortedSha1BreachChecker } from './breach/sorted-sha1-breach-checker.js';
export { DEFAULT_SPECIAL_CHARACTERS, PRINTABLE_ASCII } from './characters.js';
export { REQUIREMENT_CODES, VIOLATION_CODES } from './codes.js';
export { definePolicy } from './define-policy.js';
export { checkRequirements, describePolicy } from './describe.js';
export { formatRequirement, formatViolation } from './format.js';
export { toHtmlAttributes, toPasswordRules } from './html.js';
export { locales } from './locales/index.js';
export type {
  LocaleId,
  LocaleMessages,
  MessageHelpers,
  MessageOptions,
  MessageOverrides,
  RequirementMessages,
  ViolationMessages,
} from './locales/messages.js';
export {
  fromPostfixadminValidation,
  type PostfixadminLanguages,
  type PostfixadminValidationOptions,
  translatePcre,
} from './postfixadmin-validation.js';
export { presets } from './presets.js';
export type {
  Requirement,
  RequirementCode,
  RequirementLine,
  RequirementOf,
  RequirementStatus,
} from './requirements.js';
export type {
  AccountPart,
  AllowedCharacters,
  AllowedCharactersSpec,
  CharacterClass,
  DisallowedReason,
  MinClassesSpec,
  PatternMessage,
  PatternRule,
  PatternRuleSpec,
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
