/** @module passrotate/browser */
// The live-form subset for pages (a few KB gzip): define the server's policy, validate and describe
// it as the user types, generate a compliant password. No `node:` import, no schema library, and the
// common-password list only when `loadCommonPasswords()` asks for it. (The `@module` text stays a
// bare name: on an entry point typedoc uses a one-line `@module` text as the module's name.)

export { PassrotateError } from '../errors.js';
export { generatePassword } from '../generator/generate-password.js';
export type { GeneratePasswordOptions, SpecialCharacterChoice } from '../generator/options.js';
export { checkRequirements, describePolicy } from '../policy/describe.js';
export { formatRequirement, formatViolation } from '../policy/format.js';
export { toHtmlAttributes, toPasswordRules } from '../policy/html.js';
export type { LocaleId, MessageOptions } from '../policy/locales/messages.js';
export type { RequirementLine, RequirementStatus } from '../policy/requirements.js';
export type {
  Policy,
  PolicySpec,
  ValidationContext,
  ValidationResult,
  Violation,
  ViolationCode,
} from '../policy/types.js';
export { validatePassword } from '../policy/validate.js';
export { definePolicy } from './define-policy.js';
export { loadCommonPasswords } from './load-common-passwords.js';
