/** @module `toPasswordRules` and `toHtmlAttributes`: the policy for the browser's password field. */
import { RULES } from './rules/index.js';
import type { Policy } from './types.js';

/**
 * The `passwordrules` attribute value (Apple / WHATWG proposal grammar), so password managers
 * generate a compliant password: `minlength`, `maxlength`, one `required:` per class minimum (a
 * custom special set is written as a class with `-` first and `]` last), `allowed:` for a
 * restricted character set, `max-consecutive` for `maxRepeated`. Rules the grammar cannot express
 * (sequences, blocklist, account) are left out; an N-of-M rule is written as its first N classes.
 *
 * @param policy - the policy.
 * @returns the attribute value; HTML-escape it when writing markup by hand.
 * @example
 * ```ts
 * toPasswordRules(definePolicy({ minUppercase: 1, minDigit: 1, specialCharacters: ',./!@#$%^&*', minSpecial: 1 }));
 * // 'minlength: 8; maxlength: 128; required: upper; required: digit; required: [!#$%&*,./@^];'
 * ```
 */
export function toPasswordRules(policy: Policy): string {
  const parts: string[] = [];
  for (const rule of RULES)
    for (const part of rule.passwordRules(policy)) if (!parts.includes(part)) parts.push(part);
  return parts.join(' ');
}

/**
 * The attributes of the new-password `<input>`: `minlength`, `maxlength`, `passwordrules` and
 * `autocomplete: 'new-password'`.
 *
 * HTML counts `minlength`/`maxlength` in UTF-16 code units while the policy counts code points (an
 * emoji is 1 code point but 2 units). So `minlength` is `minLength` (never blocks a valid password)
 * and `maxlength` is `2 × maxLength` (never truncates a valid password: browsers silently cut pasted
 * text at `maxlength`, which would change a password a manager saved). The server-side
 * `validatePassword` stays the exact check.
 *
 * @param policy - the policy.
 * @returns attribute name → value.
 * @example
 * ```ts
 * toHtmlAttributes(presets.mailbox);
 * // { minlength: '8', maxlength: '256', passwordrules: 'minlength: 8; maxlength: 128; …', autocomplete: 'new-password' }
 * ```
 */
export function toHtmlAttributes(policy: Policy): {
  readonly minlength: string;
  readonly maxlength: string;
  readonly passwordrules: string;
  readonly autocomplete: 'new-password';
} {
  return {
    minlength: String(policy.minLength),
    maxlength: String(policy.maxLength * 2),
    passwordrules: toPasswordRules(policy),
    autocomplete: 'new-password',
  };
}
