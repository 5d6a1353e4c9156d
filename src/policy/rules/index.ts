/** @module The list of rules, in the order their violations and requirement lines appear. */
import type { PolicyRule } from '../rule.js';
import { accountRule } from './account.js';
import { allowedCharactersRule } from './allowed-characters.js';
import { breachedPasswordRule } from './breached-password.js';
import { characterClassesRule } from './character-classes.js';
import { commonPasswordRule } from './common-password.js';
import { confirmationRule } from './confirmation.js';
import { lengthRule } from './length.js';
import { minClassesRule } from './min-classes.js';
import { patternRule } from './pattern.js';
import { repeatedCharactersRule } from './repeated-characters.js';
import { reusedPasswordRule } from './reused-password.js';
import { sequentialCharactersRule } from './sequential-characters.js';
import { similarityRule } from './similarity.js';

/**
 * Every rule; adding one means adding its module and one entry here.
 *
 * @example
 * ```ts
 * RULES.flatMap((rule) => rule.codes).length; // 18
 * ```
 */
export const RULES: readonly PolicyRule[] = [
  lengthRule,
  characterClassesRule,
  minClassesRule,
  allowedCharactersRule,
  repeatedCharactersRule,
  sequentialCharactersRule,
  commonPasswordRule,
  accountRule,
  similarityRule,
  patternRule,
  reusedPasswordRule,
  breachedPasswordRule,
  confirmationRule,
];

/**
 * The rules with a synchronous check.
 *
 * @example
 * ```ts
 * SYNC_RULES.every((rule) => rule.check !== undefined); // true
 * ```
 */
export const SYNC_RULES: readonly PolicyRule[] = RULES.filter((r) => r.check !== undefined);
/**
 * The rules with an asynchronous check.
 *
 * @example
 * ```ts
 * ASYNC_RULES.length; // 2 (reuse, breach)
 * ```
 */
export const ASYNC_RULES: readonly PolicyRule[] = RULES.filter((r) => r.checkAsync !== undefined);
