/** @module Rule: allowed characters; control characters, lone surrogates and unnormalised text are always refused. */
import { customClass } from '../password-rules-class.js';
import type { PolicyRule } from '../rule.js';
import { CONTROL, LONE_SURROGATE, NOT_ALLOWED, NOT_NORMALIZED } from '../scan.js';
import type { DisallowedReason } from '../types.js';

const REASONS: readonly [number, DisallowedReason][] = [
  [CONTROL, 'control'],
  [NOT_ALLOWED, 'not_allowed'],
  [LONE_SURROGATE, 'lone_surrogate'],
  [NOT_NORMALIZED, 'not_normalized'],
];

/**
 * `disallowed_character`, one violation per distinct reason. Always active: control characters
 * (TAB, CR, LF… which mail servers refuse at login) and lone surrogates (not encodable as UTF-8)
 * are refused under every policy; `requireNormalized` refuses text whose NFKC form differs.
 * The violation never says which character, so it cannot leak part of the password into a log.
 *
 * @example
 * ```ts
 * allowedCharactersRule.passwordRules(definePolicy({ allowedCharacters: 'printable_ascii' })); // ['allowed: ascii-printable;']
 * ```
 */
export const allowedCharactersRule: PolicyRule = {
  codes: ['disallowed_character'],
  requirements: (p) => [
    {
      code: 'disallowed_character',
      allowed: p.allowedCharacters.kind,
      characters: p.allowedCharacters.kind === 'custom' ? p.allowedCharacters.characters : null,
      normalized: p.requireNormalized,
    },
  ],
  passwordRules(p) {
    if (p.allowedCharacters.kind === 'printable_ascii') return ['allowed: ascii-printable;'];
    if (p.allowedCharacters.kind === 'custom') {
      const set = customClass(p.allowedCharacters.characters);
      return set === null ? [] : [`allowed: ${set};`];
    }
    return [];
  },
  check({ facts }, out) {
    if (facts.disallowed === 0) return;
    for (const [bit, reason] of REASONS) {
      if (facts.disallowed & bit) out.push({ code: 'disallowed_character', reason });
    }
  },
};
