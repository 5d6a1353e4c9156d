/** @module `fromPostfixadminValidation`: Postfixadmin's `$CONF['password_validation']` as policy `patterns`. */
import { PassrotateError } from '../errors.js';
import type { PatternRuleSpec, PolicySpec } from './types.js';

/**
 * Language strings by locale tag, then by Postfixadmin `$PALANG` key, with `%s` where the rule's
 * parameter goes (the form of Postfixadmin's `languages/*.lang`).
 *
 * @example
 * ```ts
 * const languages: PostfixadminLanguages = { en: { password_no_digits: 'Your password must contain at least %s digit(s).' } };
 * ```
 */
export type PostfixadminLanguages = {
  readonly [tag: string]: { readonly [key: string]: string };
};

/**
 * Options of {@link fromPostfixadminValidation}.
 *
 * @example
 * ```ts
 * const options: PostfixadminValidationOptions = { languages: { de: { password_too_short: 'Zu kurz: %s Zeichen' } } };
 * ```
 */
export interface PostfixadminValidationOptions {
  /**
   * Message templates laid over the built-in ones (which cover Postfixadmin's three default keys,
   * `password_too_short`, `password_no_characters` and `password_no_digits`, in en, de, fr, nl, es).
   * Pass Postfixadmin's own `$PALANG` tables to show its exact wording.
   */
  readonly languages?: PostfixadminLanguages;
}

const BUILT_IN: PostfixadminLanguages = {
  en: {
    password_too_short: 'Use at least %s characters.',
    password_no_characters: 'Use at least %s letters (A–Z, a–z).',
    password_no_digits: 'Use at least %s digits.',
  },
  de: {
    password_too_short: 'Verwenden Sie mindestens %s Zeichen.',
    password_no_characters: 'Verwenden Sie mindestens %s Buchstaben (A–Z, a–z).',
    password_no_digits: 'Verwenden Sie mindestens %s Ziffern.',
  },
  fr: {
    password_too_short: 'Utilisez au moins %s caractères.',
    password_no_characters: 'Utilisez au moins %s lettres (A–Z, a–z).',
    password_no_digits: 'Utilisez au moins %s chiffres.',
  },
  nl: {
    password_too_short: 'Gebruik minstens %s tekens.',
    password_no_characters: 'Gebruik minstens %s letters (A–Z, a–z).',
    password_no_digits: 'Gebruik minstens %s cijfers.',
  },
  es: {
    password_too_short: 'Use al menos %s caracteres.',
    password_no_characters: 'Use al menos %s letras (A–Z, a–z).',
    password_no_digits: 'Use al menos %s dígitos.',
  },
};

function refuse(regex: string, problem: string): PassrotateError {
  // The regex is configuration, not a secret, so it may be named.
  return new PassrotateError('invalid_postfixadmin_validation', `password_validation ${regex}: ${problem}`);
}

const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** Characters that must stay escaped in a JavaScript `u`-mode pattern. */
const JS_SYNTAX = '^$\\.*+?()[]{}|/';
/** PCRE escapes with the same meaning in JavaScript (`u` mode). */
const SHARED_ESCAPES = 'dDwWsSbBnrtfv0123456789pP';
/** PCRE modifiers JavaScript has (`D` is what a JavaScript `$` does anyway). */
const MODIFIERS: Readonly<Record<string, string>> = { i: 'i', m: 'm', s: 's', u: '', D: '' };

/** Splits `/body/flags` (any PCRE delimiter) into body, delimiter and modifiers. */
function splitDelimiters(regex: string): { body: string; open: string; close: string; modifiers: string } {
  const trimmed = regex.trimStart();
  const open = trimmed[0] ?? '';
  if (open === '' || /[A-Za-z0-9\\\s]/.test(open)) throw refuse(regex, 'has no PCRE delimiter');
  const close = BRACKETS[open] ?? open;
  const end = trimmed.lastIndexOf(close);
  if (end < 1) throw refuse(regex, 'has no closing delimiter');
  return { body: trimmed.slice(1, end), open, close, modifiers: trimmed.slice(end + 1) };
}

/**
 * Rewrites a PCRE body to JavaScript `u`-mode syntax, refusing every construct whose meaning would
 * differ or that JavaScript lacks (possessive quantifiers, atomic groups, `\A`, `\z`, `\K`, inline
 * modifiers, recursion, conditionals, POSIX classes, `\Q…\E`…).
 */
function translateBody(regex: string, body: string, delimiters: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw refuse(regex, 'ends with a backslash');
      i++;
      if (next === 'x' && body[i + 1] === '{') {
        const close = body.indexOf('}', i);
        if (close < 0 || !/^[0-9A-Fa-f]{1,6}$/.test(body.slice(i + 2, close)))
          throw refuse(regex, 'has a malformed \\x{…}');
        out += `\\u{${body.slice(i + 2, close)}}`;
        i = close;
      } else if (next === 'x') {
        out += '\\x';
      } else if (SHARED_ESCAPES.includes(next)) {
        out += `\\${next}`;
      } else if (/[A-Za-z]/.test(next)) {
        throw refuse(regex, `uses \\${next}, which JavaScript lacks or reads differently`);
      } else if (next === '-') {
        out += inClass ? '\\-' : '-';
      } else if (JS_SYNTAX.includes(next)) {
        out += `\\${next}`;
      } else if (delimiters.includes(next) || /[^\sA-Za-z0-9]/.test(next)) {
        out += next; // an escaped delimiter or punctuation that needs no escape in JavaScript
      } else {
        throw refuse(regex, `uses an escape JavaScript does not know`);
      }
      continue;
    }
    if (inClass) {
      if (ch === '[' && body[i + 1] === ':') throw refuse(regex, 'uses a POSIX class [[:…:]]');
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (body[i + 1] === '^') out += body[++i];
      if (body[i + 1] === ']')
        throw refuse(regex, 'starts a class with ], which JavaScript reads differently');
      continue;
    }
    if (ch === '(' && body[i + 1] === '?') {
      const rest = body.slice(i + 2);
      if (!/^(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.test(rest))
        throw refuse(
          regex,
          'uses a (?…) group JavaScript lacks (atomic, inline modifier, recursion, named (?P…)…)',
        );
    }
    if (ch === '+' && /[*+?}]/.test(body[i - 1] ?? '') && body[i - 2] !== '\\')
      throw refuse(regex, 'uses a possessive quantifier');
    out += ch;
  }
  return out;
}

/**
 * Translates one Postfixadmin regex (`'/([0-9].*){2}/'`, any PCRE delimiter and modifiers) into the
 * source and flags of a JavaScript `RegExp`. Always adds the `u` flag, so `.` and counts see code
 * points (Postfixadmin without `/u` counts bytes: `'/.{5}/'` accepts `ääa` there, not here).
 *
 * @param regex - the PHP regex, with delimiters.
 * @returns `{ source, flags }` for `new RegExp(source, flags)`.
 * @throws PassrotateError `invalid_postfixadmin_validation` naming the regex when it uses a PCRE
 *   feature JavaScript lacks or reads differently (never silently changing its meaning).
 * @example
 * ```ts
 * translatePcre('#\\d{2}#i'); // { source: '\\d{2}', flags: 'iu' }
 * ```
 */
export function translatePcre(regex: string): { readonly source: string; readonly flags: string } {
  const { body, open, close, modifiers } = splitDelimiters(regex);
  let flags = '';
  for (const m of modifiers) {
    const js = MODIFIERS[m];
    if (js === undefined) throw refuse(regex, `uses the modifier ${m}, which JavaScript lacks`);
    if (!flags.includes(js)) flags += js;
  }
  flags = `${[...flags].sort().join('')}u`;
  const source = translateBody(regex, body, open + close);
  try {
    new RegExp(source, flags);
  } catch (cause) {
    throw new PassrotateError(
      'invalid_postfixadmin_validation',
      `password_validation ${regex}: not a valid JavaScript regular expression`,
      { cause },
    );
  }
  return { source, flags };
}

function messagesFor(
  key: string,
  parameter: string,
  languages: readonly PostfixadminLanguages[],
): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const table of languages) {
    for (const [tag, strings] of Object.entries(table)) {
      const template = strings[key];
      if (template !== undefined) out[tag] = template.replace('%s', parameter);
    }
  }
  return Object.keys(out).length === 0 ? null : out;
}

/**
 * Turns Postfixadmin's `$CONF['password_validation']` (regex → `'$PALANG key [parameter]'`, as in
 * its `config.inc.php`) into a policy spec fragment of `patterns`, one per entry, in order, each with
 * the key as id and localized messages (the key's template with `%s` replaced by the parameter).
 * Spread it into a spec: `definePolicy({ ...presets.mailbox, ...fromPostfixadminValidation(map) })`.
 * Callable entries (PHP closures) cannot be carried over and are refused, like PCRE features
 * JavaScript lacks (see {@link translatePcre}).
 *
 * @param validation - the map, e.g. decoded from `php -r 'echo json_encode($CONF["password_validation"]);'`.
 * @param options - extra or replacement language strings.
 * @returns `{ patterns }`, a {@link PolicySpec} fragment.
 * @throws PassrotateError `invalid_postfixadmin_validation` for a refused regex or a non-string value.
 * @example
 * ```ts
 * const policy = definePolicy({
 *   ...fromPostfixadminValidation({ '/.{5}/': 'password_too_short 5', '/([0-9].*){2}/': 'password_no_digits 2' }),
 * });
 * validatePassword(policy, 'abcdef1').violations; // [{ code: 'pattern_mismatch', id: 'password_no_digits', index: 1, … }]
 * ```
 */
export function fromPostfixadminValidation(
  validation: Readonly<Record<string, unknown>>,
  options: PostfixadminValidationOptions = {},
): PolicySpec & { readonly patterns: readonly PatternRuleSpec[] } {
  if (typeof validation !== 'object' || validation === null || Array.isArray(validation))
    throw new TypeError('validation must be an object of regex → message key');
  const languages = options.languages === undefined ? [BUILT_IN] : [BUILT_IN, options.languages];
  const ids = new Set<string>();
  const patterns = Object.entries(validation).map(([regex, value], index): PatternRuleSpec => {
    if (typeof value !== 'string')
      throw refuse(regex, 'has a value that is not a message key (callables cannot be imported)');
    const [key = '', parameter = ''] = value.trim().split(/\s+/, 2);
    const { source, flags } = translatePcre(regex);
    const id = key === '' || ids.has(key) ? `${key || 'pattern'}_${index}` : key;
    ids.add(id);
    return { regex: source, flags, id, message: messagesFor(key, parameter, languages) };
  });
  return { patterns };
}
