/** @module The generator's guard against repeated runs and sequences: decides, position by position, which characters may not come next, so a password is built clean instead of retried. */

/**
 * Runs the generator treats as sequences, forwards and backwards: the alphabet, the digits, and the
 * keyboard rows of the QWERTY (with its punctuation keys), QWERTZ and AZERTY layouts. Together with
 * the folding below this is a superset of the policy's `maxSequence` steps, so avoiding these always
 * satisfies the policy.
 */
const SEQUENCE_STRINGS: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  '`1234567890-=',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  'qwertzuiop',
  'yxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
];

/** Shifted keys of the US layout folded onto their unshifted key, so `!@#$` counts like `1234`. */
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';
const UNSHIFTED = "`1234567890-=[]\\;',./";

/** ASCII folding table: uppercase → lowercase, shifted symbol → its key; everything else unchanged. */
const FOLD: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  for (let i = 0; i < SHIFTED.length; i++) table[SHIFTED.charCodeAt(i)] = UNSHIFTED.charCodeAt(i);
  return table;
})();

/** `FORWARD[a * 128 + b] === 1` when folded `b` directly follows folded `a` in some sequence string. */
const FORWARD: Uint8Array = (() => {
  const table = new Uint8Array(128 * 128);
  for (const s of SEQUENCE_STRINGS) {
    for (let i = 1; i < s.length; i++) table[s.charCodeAt(i - 1) * 128 + s.charCodeAt(i)] = 1;
  }
  return table;
})();

function fold(code: number): number {
  return code < 128 ? (FOLD[code] as number) : code;
}

/** `true` when `b` directly follows `a` in some sequence string (both folded first). */
function isForward(a: number, b: number): boolean {
  const fa = fold(a);
  const fb = fold(b);
  return fa < 128 && fb < 128 && FORWARD[fa * 128 + fb] === 1;
}

/** `true` when `a` then `b` is a step of a sequence, forwards or backwards. */
function isStep(a: number, b: number): boolean {
  return isForward(a, b) || isForward(b, a);
}

/**
 * The limits the guard enforces, as in a policy: `maxRepeated` 3 allows `aaa` but not `aaaa`;
 * `maxSequence` 3 allows `abc` but not `abcd`. `null` turns a limit off.
 *
 * @example
 * ```ts
 * const limits: LocalLimits = { maxRepeated: 2, maxSequence: null };
 * ```
 */
export interface LocalLimits {
  readonly maxRepeated: number | null;
  readonly maxSequence: number | null;
}

/**
 * Decides whether code point `next`, placed at index `at` after `codes[0 … at-1]`, would make a run
 * longer than `maxRepeated` or a sequence longer than `maxSequence`. Case and shift are folded (`aA`
 * is a run, `aBc` and `!2#` are sequences) so the guard is never laxer than the policy. Costs one table lookup unless
 * `next` repeats or steps from the previous character.
 *
 * @example
 * ```ts
 * const codes = [0x61, 0x62, 0x63]; // 'abc'
 * wouldBreakLimits({ maxRepeated: null, maxSequence: 3 }, codes, 3, 0x64); // true: 'abcd'
 * ```
 */
export function wouldBreakLimits(
  limits: LocalLimits,
  codes: ArrayLike<number>,
  at: number,
  next: number,
): boolean {
  if (at === 0) return false;
  const previous = codes[at - 1] as number;
  const { maxRepeated, maxSequence } = limits;
  if (maxRepeated !== null && fold(previous) === fold(next)) {
    let run = 1;
    for (let i = at - 1; i >= 0 && fold(codes[i] as number) === fold(next); i--) run++;
    if (run > maxRepeated) return true;
  }
  if (maxSequence !== null && at >= maxSequence && isStep(previous, next)) {
    return (
      chainLength(codes, at, next, false) > maxSequence || chainLength(codes, at, next, true) > maxSequence
    );
  }
  return false;
}

/**
 * Length of the chain ending with `next` at `at` in which every step goes forwards (or, with
 * `backwards`, every step backwards) in some sequence string — not necessarily the same string for
 * every step, which is how the policy's rule counts too.
 */
function chainLength(codes: ArrayLike<number>, at: number, next: number, backwards: boolean): number {
  let length = 1;
  let current = next;
  for (let i = at - 1; i >= 0; i--) {
    const before = codes[i] as number;
    if (!(backwards ? isForward(current, before) : isForward(before, current))) break;
    length++;
    current = before;
  }
  return length;
}

/**
 * The most characters of `pool` that {@link wouldBreakLimits} can forbid at one position, over every
 * possible previous character: the generator refuses a pool this small and uses the difference in its
 * entropy bound.
 *
 * @example
 * ```ts
 * maxForbidden({ maxRepeated: 2, maxSequence: null }, [0x61, 0x62]); // 1
 * ```
 */
export function maxForbidden(limits: LocalLimits, pool: readonly number[]): number {
  if (limits.maxRepeated === null && limits.maxSequence === null) return 0;
  const previousCandidates = new Set<number>(pool);
  for (let c = 0x20; c < 0x7f; c++) previousCandidates.add(c);
  let worst = 0;
  for (const previous of previousCandidates) {
    let forbidden = 0;
    for (const next of pool) {
      const repeats = limits.maxRepeated !== null && fold(previous) === fold(next);
      const steps = limits.maxSequence !== null && isStep(previous, next);
      if (repeats || steps) forbidden++;
    }
    if (forbidden > worst) worst = forbidden;
  }
  return worst;
}
