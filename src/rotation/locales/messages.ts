/** @module The shape of a refusal catalogue: a sentence for every flow refusal code. */
import type { RefusalCode, RefusalOf } from '../refusals.js';

/**
 * Helpers a refusal message may use, bound to the locale.
 *
 * @example
 * ```ts
 * const wait = (r: RefusalOf<'rate_limited'>, h: RefusalHelpers) => `Wait ${h.duration(r.retryAfterMs)}.`;
 * ```
 */
export interface RefusalHelpers {
  /** A wait in the locale's words, rounded up to whole seconds or minutes ("2 minutes", "2 Minuten"). */
  duration(ms: number): string;
  /** The policy violations of a `policy_violation` refusal as sentences of the same locale (`formatViolation`). */
  violations(refusal: RefusalOf<'policy_violation'>): string;
}

/**
 * A sentence for every refusal code. The mapped type makes a missing code a compile error.
 *
 * @example
 * ```ts
 * const partial: Partial<RefusalMessages> = { conflict: () => 'Someone else was quicker.' };
 * ```
 */
export type RefusalMessages = {
  readonly [C in RefusalCode]: (refusal: RefusalOf<C>, helpers: RefusalHelpers) => string;
};
