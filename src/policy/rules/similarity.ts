/** @module Rule: the new password must differ enough from the current one. */
import { boundedEditDistance } from '../edit-distance.js';
import type { PolicyRule } from '../rule.js';

/** Containment only counts when the contained password has at least this many code points. */
const MIN_CONTAINED = 4;

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0) as number);
}

/**
 * `same_as_current` when the password equals `context.currentPassword` (always checked when the
 * context has it), `too_similar_to_current` when — compared case-insensitively — one contains the
 * other, or fewer than `similarity.minEditDistance` single-character edits separate them.
 * `actual` is the edit distance in code points. A current password longer than 8 × `maxLength`
 * UTF-16 units is only compared for equality (bounded work).
 *
 * @example
 * ```ts
 * similarityRule.codes; // ['same_as_current', 'too_similar_to_current']
 * ```
 */
export const similarityRule: PolicyRule = {
  codes: ['same_as_current', 'too_similar_to_current'],
  requirements: (p) =>
    p.similarity === null ? [] : [{ code: 'too_similar_to_current', minimum: p.similarity.minEditDistance }],
  passwordRules: () => [],
  check(input, out) {
    const current = input.context?.currentPassword;
    if (current === undefined) return;
    if (typeof current !== 'string') throw new TypeError('context.currentPassword must be a string');
    if (current === input.password) {
      out.push({ code: 'same_as_current' });
      return;
    }
    const similarity = input.policy.similarity;
    // A current password far beyond any allowed length cannot be compared in bounded time; skip it.
    if (similarity === null || current.length > input.policy.maxLength * 8) return;
    const minimum = similarity.minEditDistance;
    const lowered = input.lowered();
    const currentLowered = current.toLowerCase();
    const a = codePoints(lowered);
    const b = codePoints(currentLowered);
    const contains =
      (b.length >= MIN_CONTAINED && lowered.includes(currentLowered)) ||
      (a.length >= MIN_CONTAINED && currentLowered.includes(lowered));
    if (contains) {
      out.push({ code: 'too_similar_to_current', minimum, actual: Math.abs(a.length - b.length) });
      return;
    }
    const actual = boundedEditDistance(a, b, minimum);
    if (actual < minimum) out.push({ code: 'too_similar_to_current', minimum, actual });
  },
};
