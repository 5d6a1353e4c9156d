/** @module The shape of a locale: a sentence for every violation code and every requirement line. */
import type { RequirementCode, RequirementOf } from '../requirements.js';
import type { CharacterClass, ViolationCode, ViolationOf } from '../types.js';

/**
 * Helpers a message function may use: the locale's list joiner and class names.
 *
 * @example
 * ```ts
 * const text = (v: ViolationOf<'too_few_classes'>, h: MessageHelpers) => `Use ${h.classes(v.classes)}`;
 * ```
 */
export interface MessageHelpers {
  /** Joins items as the locale does ("a, b and c"). */
  list(items: readonly string[]): string;
  /** The locale's names of the classes, joined with `list`. */
  classes(classes: readonly CharacterClass[]): string;
}

/**
 * A sentence for every violation code. The mapped type makes a missing code a compile error.
 *
 * @example
 * ```ts
 * const partial: Partial<ViolationMessages> = { too_short: (v) => `Min. ${v.minimum}` };
 * ```
 */
export type ViolationMessages = {
  readonly [C in ViolationCode]: (violation: ViolationOf<C>, helpers: MessageHelpers) => string;
};

/**
 * A line for every requirement code.
 *
 * @example
 * ```ts
 * const partial: Partial<RequirementMessages> = { too_short: (r) => `${r.minimum}+ characters` };
 * ```
 */
export type RequirementMessages = {
  readonly [C in RequirementCode]: (requirement: RequirementOf<C>, helpers: MessageHelpers) => string;
};

/**
 * A complete locale. Supply your own (or override parts with `messages`) through the `locale`
 * option of `formatViolation` / `describePolicy`.
 *
 * @example
 * ```ts
 * const pirate: LocaleMessages = { ...locales.en, violations: { ...locales.en.violations, too_short: () => 'Arr, longer!' } };
 * ```
 */
export interface LocaleMessages {
  /** BCP 47 tag used for list formatting, e.g. `de`. */
  readonly tag: string;
  readonly classNames: { readonly [C in CharacterClass]: string };
  readonly violations: ViolationMessages;
  readonly requirements: RequirementMessages;
}

/**
 * The bundled locales.
 *
 * @example
 * ```ts
 * const locale: LocaleId = 'fr';
 * ```
 */
export type LocaleId = 'en' | 'de' | 'fr' | 'nl' | 'es';

/**
 * Caller overrides: any subset of violation and requirement messages, laid over the chosen locale.
 *
 * @example
 * ```ts
 * const overrides: MessageOverrides = { violations: { common_password: () => 'Too easy to guess.' } };
 * ```
 */
export interface MessageOverrides {
  readonly violations?: Partial<ViolationMessages>;
  readonly requirements?: Partial<RequirementMessages>;
}

/**
 * Options of `formatViolation`, `describePolicy` and `checkRequirements`.
 *
 * @example
 * ```ts
 * const options: MessageOptions = { locale: 'de', messages: { violations: { too_short: () => 'Zu kurz.' } } };
 * ```
 */
export interface MessageOptions {
  /** A bundled locale id or a complete {@link LocaleMessages}. Default `en`. */
  readonly locale?: LocaleId | LocaleMessages;
  /** Messages that replace the locale's. */
  readonly messages?: MessageOverrides;
}
