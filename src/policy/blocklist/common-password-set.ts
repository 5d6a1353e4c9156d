/** @module The bundled common-password list as a `Set`, and the decorated-match lookup over it. */
import { COMMON_PASSWORDS } from './common-passwords.js';
import { hasLeet, leetVariants, undoLeet } from './undecorate.js';

let set: ReadonlySet<string> | null = null;
/** The longest entry: longer candidates are not looked up at all. */
let longest = 0;

/** The list as a Set, built on first use (so importing the library costs nothing until then). */
function commonPasswords(): ReadonlySet<string> {
  if (set === null) {
    const words = COMMON_PASSWORDS.split('\n');
    for (const w of words) if (w.length > longest) longest = w.length;
    set = new Set(words);
  }
  return set;
}

/** Decorated forms shorter than this are not looked up (too many false refusals otherwise). */
const MIN_CORE = 4;
/** At most this many decoration characters are stripped from each end. */
const MAX_DECORATION = 6;

function isLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * `true` when `lowered` is a common password, exactly or after undoing decorations: up to six
 * digits or symbols at either end (`summer2025!`), leet substitutions (`dr4gon`), or both
 * (`dr4gon#1`, where the `1` is decoration and the `4` a substitution). A few dozen `Set` lookups
 * at most, usually one or two; never a scan of the list.
 *
 * @example
 * ```ts
 * isCommonPassword('dr4gon#1'); // true
 * ```
 */
export function isCommonPassword(lowered: string): boolean {
  const s = commonPasswords();
  const n = lowered.length;
  if (n > longest + 2 * MAX_DECORATION) return false;
  if (s.has(lowered)) return true;
  let lead = 0;
  while (lead < n && lead < MAX_DECORATION && !isLetter(lowered.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < n && trail < MAX_DECORATION && !isLetter(lowered.charCodeAt(n - 1 - trail))) trail++;
  const leet = hasLeet(lowered);
  if (lead === 0 && trail === 0 && !leet) return false;
  for (let a = 0; a <= lead; a++) {
    for (let b = 0; b <= trail && n - a - b >= MIN_CORE; b++) {
      if (n - a - b > longest) continue;
      const core = a === 0 && b === 0 ? lowered : lowered.slice(a, n - b);
      if (core !== lowered && s.has(core)) return true;
      if (leet && hasLeet(core)) {
        for (const ones of leetVariants(core)) if (s.has(undoLeet(core, ones))) return true;
      }
    }
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
