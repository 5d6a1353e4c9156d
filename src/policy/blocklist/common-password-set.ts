/** @module The bundled common-password list as a `Set`, and the decorated-match lookup over it. */
import { COMMON_PASSWORDS } from './common-passwords.js';
import { hasLeet, trimSymbols, trimToLetters, undoLeet } from './undecorate.js';

let set: ReadonlySet<string> | null = null;

/** The list as a Set, built on first use (so importing the library costs nothing until then). */
function commonPasswords(): ReadonlySet<string> {
  set ??= new Set(COMMON_PASSWORDS.split('\n'));
  return set;
}

/** Decorated forms shorter than this are not looked up (too many false refusals otherwise). */
const MIN_CORE = 4;

function listed(s: ReadonlySet<string>, word: string): boolean {
  return word.length >= MIN_CORE && s.has(word);
}

/**
 * `true` when `lowered` is a common password, exactly or after undoing decorations: digits and
 * symbols at either end (`summer2025!`), leet substitutions (`dr4gon`), or both (`dr4gon#1`).
 * A handful of `Set` lookups; never a scan of the list.
 *
 * @example
 * ```ts
 * isCommonPassword('dr4gon#1'); // true
 * ```
 */
export function isCommonPassword(lowered: string): boolean {
  const s = commonPasswords();
  if (s.has(lowered)) return true;
  const core = trimToLetters(lowered);
  if (core !== lowered && listed(s, core)) return true;
  const digitsKept = trimSymbols(lowered);
  if (digitsKept !== lowered && digitsKept !== core && listed(s, digitsKept)) return true;
  if (!hasLeet(lowered)) return false;
  const ones: readonly ('i' | 'l')[] = lowered.includes('1') ? ['i', 'l'] : ['i'];
  for (const one of ones) {
    const plain = undoLeet(lowered, one);
    if (listed(s, plain) || listed(s, trimToLetters(plain))) return true;
    if (core !== lowered && hasLeet(core) && listed(s, undoLeet(core, one))) return true;
  }
  return false;
}

/**
 * How many entries the bundled list has.
 *
 * @example
 * ```ts
 * commonPasswordCount(); // 20000
 * ```
 */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}
