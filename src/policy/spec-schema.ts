/** @module The shape check of a policy spec, by hand (no schema library in the browser bundle); cross-field checks live in build-policy. */

type CharacterClassName = 'uppercase' | 'lowercase' | 'digit' | 'special';

/**
 * The resolved spec, every default filled in (internal).
 *
 * @example
 * ```ts
 * const parsed = parsePolicySpec({ minLength: 10 });
 * if (parsed.ok) parsed.value.maxLength; // 128
 * ```
 */
export interface ParsedSpec {
  minLength: number;
  maxLength: number;
  minUppercase: number;
  minLowercase: number;
  minDigit: number;
  minSpecial: number;
  specialCharacters?: string | undefined;
  minClasses?: { count: number; of?: CharacterClassName[] | undefined } | null | undefined;
  allowedCharacters: 'any' | 'printable_ascii' | { custom: string };
  requireNormalized: boolean;
  maxRepeated?: number | null | undefined;
  maxSequence?: number | null | undefined;
  accountCheck: boolean;
  blocklist: boolean;
  blockedWords: string[];
  similarity: false | null | { minEditDistance: number };
  historySize: number;
  rejectBreached: boolean;
  passphraseLength: number | null;
  patterns: ParsedPattern[];
}

/**
 * A pattern rule after the shape check (internal): the source text and flags of its regex.
 *
 * @example
 * ```ts
 * const p: ParsedPattern = { regex: '[0-9]', flags: '', id: undefined, message: null };
 * ```
 */
export interface ParsedPattern {
  regex: string;
  flags: string;
  id: string | undefined;
  message: Record<string, string> | null;
}

/**
 * The first problem found in a spec: the field (a dotted path, or the unknown keys) and what is wrong.
 *
 * @example
 * ```ts
 * const issue: SpecIssue = { field: 'minLength', message: 'Too small: expected number to be >=1' };
 * ```
 */
export interface SpecIssue {
  readonly field: string;
  readonly message: string;
}

/** Thrown inside the checker and caught by `parsePolicySpec`, carrying the first issue. */
class Issue {
  constructor(readonly issue: SpecIssue) {}
}

const CLASSES: readonly CharacterClassName[] = ['uppercase', 'lowercase', 'digit', 'special'];

function fail(field: string, message: string): never {
  throw new Issue({ field, message });
}

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function expected(field: string, type: string, value: unknown): never {
  return fail(field, `Invalid input: expected ${type}, received ${received(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(field: string, value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : expected(field, 'object', value);
}

/** Refuses keys outside `keys`; called after the fields are checked, as zod reported them. */
function onlyKeys(value: Record<string, unknown>, keys: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !keys.includes(k));
  if (unknown.length > 0) {
    const quoted = unknown.map((k) => `"${k}"`).join(', ');
    fail(unknown.join(', ') || '(spec)', `Unrecognized key${unknown.length === 1 ? '' : 's'}: ${quoted}`);
  }
}

function integer(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return expected(field, 'number', value);
  if (!Number.isInteger(value)) return expected(field, 'int', value);
  if (value < Number.MIN_SAFE_INTEGER)
    fail(field, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
  if (value > Number.MAX_SAFE_INTEGER)
    fail(field, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
  if (value < min) fail(field, `Too small: expected number to be >=${min}`);
  if (value > max) fail(field, `Too big: expected number to be <=${max}`);
  return value;
}

function string(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string') return expected(field, 'string', value);
  if (value.length < min) fail(field, `Too small: expected string to have >=${min} characters`);
  if (value.length > max) fail(field, `Too big: expected string to have <=${max} characters`);
  return value;
}

function boolean(field: string, value: unknown): boolean {
  return typeof value === 'boolean' ? value : expected(field, 'boolean', value);
}

function array(field: string, value: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) return expected(field, 'array', value);
  if (value.length < min) fail(field, `Too small: expected array to have >=${min} items`);
  if (value.length > max) fail(field, `Too big: expected array to have <=${max} items`);
  return value;
}

/** `undefined` keeps the default; `null` is allowed where the field may be switched off. */
function optional<T>(value: unknown, fallback: T, check: (v: unknown) => T): T {
  return value === undefined ? fallback : check(value);
}

function minClasses(value: unknown): ParsedSpec['minClasses'] {
  if (value === null || value === undefined) return value;
  const v = object('minClasses', value);
  const count = integer('minClasses.count', v.count, 1, 4);
  const of =
    v.of === undefined
      ? undefined
      : array('minClasses.of', v.of, 1, 4).map((c, i) =>
          CLASSES.includes(c as CharacterClassName)
            ? (c as CharacterClassName)
            : fail(
                `minClasses.of.${i}`,
                `Invalid option: expected one of ${CLASSES.map((n) => JSON.stringify(n)).join('|')}`,
              ),
        );
  onlyKeys(v, ['count', 'of']);
  return of === undefined ? { count } : { count, of };
}

/** `'any'`, `'printable_ascii'`, `{ custom }`, or the resolved form a `Policy` carries (`{ kind, … }`). */
function allowedCharacters(value: unknown): ParsedSpec['allowedCharacters'] {
  const field = 'allowedCharacters';
  if (value === 'any' || value === 'printable_ascii') return value;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if ('custom' in value && !('kind' in value)) {
      const custom = string(`${field}.custom`, value.custom, 1, 4096);
      onlyKeys(value, ['custom']);
      return { custom };
    }
    if (keys.length === 1 && value.kind === 'any') return 'any';
    if (keys.length === 2 && 'characters' in value && typeof value.characters === 'string') {
      if (value.kind === 'printable_ascii') return 'printable_ascii';
      const n = value.characters.length;
      if (value.kind === 'custom' && n >= 1 && n <= 4096) return { custom: value.characters };
    }
  }
  return fail(field, 'Invalid input');
}

function similarity(value: unknown): ParsedSpec['similarity'] {
  if (value === false || value === null) return value;
  if (isRecord(value) && 'minEditDistance' in value) {
    const minEditDistance = integer('similarity.minEditDistance', value.minEditDistance, 1, 64);
    onlyKeys(value, ['minEditDistance']);
    return { minEditDistance };
  }
  return fail('similarity', 'Invalid input');
}

function patternMessage(field: string, value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return { en: string(field, value, 1, 1024) };
  const map = object(field, value);
  const out: Record<string, string> = {};
  for (const [tag, text] of Object.entries(map)) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) fail(`${field}.${tag}`, 'Invalid locale tag');
    out[tag] = string(`${field}.${tag}`, text, 1, 1024);
  }
  if (Object.keys(out).length === 0) fail(field, 'Too small: expected at least one locale');
  return out;
}

function pattern(index: number, value: unknown): ParsedPattern {
  const field = `patterns.${index}`;
  const v = object(field, value);
  let regex: string;
  let flags: string;
  if (v.regex instanceof RegExp) {
    if (v.flags !== undefined) fail(`${field}.flags`, 'must not be given with a RegExp');
    regex = v.regex.source;
    flags = v.regex.flags;
  } else {
    regex = string(`${field}.regex`, v.regex, 1, 1024);
    flags = optional(v.flags, '', (f) => string(`${field}.flags`, f, 0, 8));
  }
  const id = optional(v.id, undefined, (i) => string(`${field}.id`, i, 1, 64));
  const message = patternMessage(`${field}.message`, v.message);
  onlyKeys(v, ['regex', 'flags', 'id', 'message']);
  return { regex, flags, id, message };
}

const KEYS = [
  'minLength',
  'maxLength',
  'minUppercase',
  'minLowercase',
  'minDigit',
  'minSpecial',
  'specialCharacters',
  'minClasses',
  'allowedCharacters',
  'requireNormalized',
  'maxRepeated',
  'maxSequence',
  'accountCheck',
  'blocklist',
  'blockedWords',
  'similarity',
  'historySize',
  'rejectBreached',
  'passphraseLength',
  'patterns',
] as const;

function parse(spec: unknown): ParsedSpec {
  const s = object('(spec)', spec);
  const count = (field: string) => optional(s[field], 0, (v) => integer(field, v, 0, 4096));
  const nullableInteger = (field: string, min: number) =>
    s[field] === null ? null : optional(s[field], undefined, (v) => integer(field, v, min, 4096));
  const parsed: ParsedSpec = {
    minLength: optional(s.minLength, 8, (v) => integer('minLength', v, 1, 4096)),
    maxLength: optional(s.maxLength, 128, (v) => integer('maxLength', v, 1, 4096)),
    minUppercase: count('minUppercase'),
    minLowercase: count('minLowercase'),
    minDigit: count('minDigit'),
    minSpecial: count('minSpecial'),
    specialCharacters: optional(s.specialCharacters, undefined, (v) =>
      string('specialCharacters', v, 0, 1024),
    ),
    minClasses: minClasses(s.minClasses),
    allowedCharacters: optional(s.allowedCharacters, 'any', allowedCharacters),
    requireNormalized: optional(s.requireNormalized, true, (v) => boolean('requireNormalized', v)),
    maxRepeated: nullableInteger('maxRepeated', 1),
    maxSequence: nullableInteger('maxSequence', 2),
    accountCheck: optional(s.accountCheck, true, (v) => boolean('accountCheck', v)),
    blocklist: optional(s.blocklist, true, (v) => boolean('blocklist', v)),
    blockedWords: optional(s.blockedWords, [], (v) =>
      array('blockedWords', v, 0, 10_000).map((w, i) => string(`blockedWords.${i}`, w, 1, 256)),
    ),
    similarity: optional(s.similarity, { minEditDistance: 3 }, similarity),
    historySize: optional(s.historySize, 0, (v) => integer('historySize', v, 0, 100)),
    rejectBreached: optional(s.rejectBreached, false, (v) => boolean('rejectBreached', v)),
    passphraseLength: nullableInteger('passphraseLength', 1) ?? null,
    patterns: optional(s.patterns, [], (v) => array('patterns', v, 0, 64).map((p, i) => pattern(i, p))),
  };
  onlyKeys(s, KEYS);
  return parsed;
}

/**
 * Checks the shape of a spec and fills the defaults; unknown keys are refused (typos). Reports the
 * first problem with the field's path and the same wording zod used before (`Too small: expected
 * number to be >=1`), so `definePolicy`'s errors did not change when zod left the browser bundle.
 *
 * @example
 * ```ts
 * parsePolicySpec({ minLenght: 8 }); // { ok: false, issue: { field: 'minLenght', message: 'Unrecognized key: "minLenght"' } }
 * ```
 */
export function parsePolicySpec(
  spec: unknown,
): { readonly ok: true; readonly value: ParsedSpec } | { readonly ok: false; readonly issue: SpecIssue } {
  try {
    return { ok: true, value: parse(spec) };
  } catch (error) {
    if (error instanceof Issue) return { ok: false, issue: error.issue };
    throw error;
  }
}
