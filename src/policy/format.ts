/** @module Turns violation codes and requirements into sentences in a locale. */
import { locales } from './locales/index.js';
import type { LocaleMessages, MessageHelpers, MessageOptions } from './locales/messages.js';
import type { Requirement } from './requirements.js';
import type { Violation } from './types.js';

function resolveLocale(options: MessageOptions | undefined): LocaleMessages {
  const locale = options?.locale ?? 'en';
  if (typeof locale !== 'string') return locale;
  const found = (locales as Record<string, LocaleMessages | undefined>)[locale];
  if (found === undefined) throw new RangeError(`unknown locale: ${locale} (expected en, de, fr, nl or es)`);
  return found;
}

const helperCache = new Map<string, MessageHelpers>();

function helpersFor(locale: LocaleMessages): MessageHelpers {
  const key = `${locale.tag}\u0000${Object.values(locale.classNames).join('\u0000')}`;
  let helpers = helperCache.get(key);
  if (helpers === undefined) {
    const lists = new Intl.ListFormat(locale.tag, { type: 'conjunction' });
    const list = (items: readonly string[]): string => lists.format(items);
    helpers = { list, classes: (classes) => list(classes.map((c) => locale.classNames[c])) };
    if (helperCache.size < 32) helperCache.set(key, helpers);
  }
  return helpers;
}

/**
 * The sentence for one violation, in the chosen locale (default English), with caller overrides
 * applied. The sentence never contains the password.
 *
 * @param violation - one entry of `validatePassword(...).violations`.
 * @param options - `locale` (`en`, `de`, `fr`, `nl`, `es` or your own {@link LocaleMessages}) and
 *   `messages` (functions replacing individual codes).
 * @returns the sentence.
 * @throws RangeError for an unknown locale id.
 * @example
 * ```ts
 * formatViolation({ code: 'too_short', minimum: 8, actual: 5 }, { locale: 'de' });
 * // 'Verwenden Sie mindestens 8 Zeichen (derzeit 5).'
 * ```
 */
export function formatViolation(violation: Violation, options?: MessageOptions): string {
  const locale = resolveLocale(options);
  const override = options?.messages?.violations?.[violation.code];
  const message = (override ?? locale.violations[violation.code]) as
    | ((v: Violation, h: MessageHelpers) => string)
    | undefined;
  // A code this locale does not know (e.g. a hand-made locale from an older version) falls back to the code.
  return message === undefined ? violation.code : message(violation, helpersFor(locale));
}

/**
 * The line for one requirement (internal to `describePolicy`, exported for custom renderers).
 *
 * @param requirement - the requirement data.
 * @param options - as for {@link formatViolation}.
 * @returns the line.
 * @example
 * ```ts
 * formatRequirement({ code: 'too_short', minimum: 8 }, { locale: 'fr' }); // 'Au moins 8 caractères'
 * ```
 */
export function formatRequirement(requirement: Requirement, options?: MessageOptions): string {
  const locale = resolveLocale(options);
  const override = options?.messages?.requirements?.[requirement.code];
  const message = (override ?? locale.requirements[requirement.code]) as
    | ((r: Requirement, h: MessageHelpers) => string)
    | undefined;
  return message === undefined ? requirement.code : message(requirement, helpersFor(locale));
}
