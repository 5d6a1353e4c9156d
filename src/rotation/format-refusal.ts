/** @module Turns a flow refusal into a sentence in a locale; policy violations go through formatViolation. */
import { formatViolation } from '../policy/format.js';
import type { LocaleId, MessageOverrides } from '../policy/locales/messages.js';
import { refusalLocales } from './locales/index.js';
import type { RefusalHelpers, RefusalMessages } from './locales/messages.js';
import type { FlowRefusal } from './refusals.js';

/**
 * Options of {@link formatRefusal}.
 *
 * @example
 * ```ts
 * const options: RefusalFormatOptions = { locale: 'nl', messages: { forbidden: () => 'Mailbox uitgeschakeld.' } };
 * ```
 */
export interface RefusalFormatOptions {
  /** A bundled locale id. Default `en`. */
  readonly locale?: LocaleId;
  /** Sentences replacing the locale's, per refusal code. */
  readonly messages?: Partial<RefusalMessages>;
  /** Overrides for the policy violation sentences of a `policy_violation` refusal. */
  readonly violationMessages?: MessageOverrides;
}

const UNITS = [
  { unit: 'hour', ms: 3_600_000, from: 2 * 3_600_000 },
  { unit: 'minute', ms: 60_000, from: 60_000 },
  { unit: 'second', ms: 1_000, from: 0 },
] as const;

function helpers(locale: LocaleId, options: RefusalFormatOptions): RefusalHelpers {
  return {
    duration(ms) {
      const wait = Math.max(ms, 1_000);
      const step = UNITS.find((u) => wait > u.from) ?? UNITS[2];
      const count = Math.ceil(wait / step.ms);
      return new Intl.NumberFormat(locale, { style: 'unit', unit: step.unit, unitDisplay: 'long' }).format(
        count,
      );
    },
    violations(refusal) {
      const messages = options.violationMessages;
      return refusal.violations
        .map((v) => formatViolation(v, { locale, ...(messages === undefined ? {} : { messages }) }))
        .join(' ');
    },
  };
}

/**
 * The sentence for a refusal of any rotation flow (its `code`, with its data: the wait of
 * `rate_limited`, every violation of `policy_violation` through `formatViolation`), in the chosen
 * locale (default English). The sentence never contains a password.
 *
 * @param refusal - an `ok: false` result of `changeOwnPassword`, `adminSetPassword`, `verifyLogin`,
 *   `expirePassword`, `rotateDomain` (or one of its mailboxes) or `resumePendingRevocations`.
 * @param options - `locale` (`en`, `de`, `fr`, `nl`, `es`), `messages` replacing individual codes,
 *   `violationMessages` for the policy sentences.
 * @returns the sentence.
 * @throws RangeError for an unknown locale id.
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'rate_limited', retryAfterMs: 90_000 }, { locale: 'de' });
 * // 'Zu viele Versuche. Bitte versuchen Sie es in 2 Minuten erneut.'
 * ```
 */
export function formatRefusal(refusal: FlowRefusal, options: RefusalFormatOptions = {}): string {
  const locale = options.locale ?? 'en';
  const catalogue = (refusalLocales as Record<string, RefusalMessages | undefined>)[locale];
  if (catalogue === undefined)
    throw new RangeError(`unknown locale: ${locale} (expected en, de, fr, nl or es)`);
  const message = (options.messages?.[refusal.code] ?? catalogue[refusal.code]) as (
    refusal: FlowRefusal,
    helpers: RefusalHelpers,
  ) => string;
  return message(refusal, helpers(locale, options));
}
