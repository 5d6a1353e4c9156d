/** @module The common-password list as a hash table of folded words, and the decorated-match lookup. */
import { FOLD } from '../fold.js';
import { commonPasswordList } from './common-password-list.js';

/** Decorated forms shorter than this are not looked up (too many false refusals otherwise). */
const MIN_CORE = 4;
/** At most this many decoration characters (digits, symbols) are stripped from each end. */
const MAX_DECORATION = 6;
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Bits of the 4-character prefix filter (2^20 bits = 128 KiB). */
const PREFIX_BITS = 20;

interface Table {
  /** Open-addressing table of FNV-1a hashes of the folded words (0 = empty). */
  readonly hashes: Int32Array;
  /** For each occupied slot, where its word starts in `text`. */
  readonly starts: Int32Array;
  /** For each occupied slot, its word's length. */
  readonly lengths: Int32Array;
  /** The lowercased list: a word folds character by character (`foldedCode`) as `foldText` folds it. */
  readonly text: string;
  /** How many distinct folded words the table holds. */
  readonly count: number;
  /** Bit set of hashed 4-character folded prefixes of the words: most candidates stop here. */
  readonly prefixes: Int32Array;
  readonly longest: number;
}

let table: Table | null = null;

function foldedCode(c: number): number {
  return c < 128 ? (FOLD[c] as number) : c;
}

/** The folded code at `text[i]`, or `NaN` past `end` (as `charCodeAt` past a word's end). */
function foldedCodeIn(text: string, i: number, end: number): number {
  return i < end ? foldedCode(text.charCodeAt(i)) : Number.NaN;
}

function prefixKey(a: number, b: number, c: number, d: number): number {
  return Math.imul(((a * 131 + b) * 131 + c) * 131 + d, 0x9e3779b1) >>> (32 - PREFIX_BITS);
}

/** Whether `candidate[start, end)`, folded, is the word at `wordStart` (of `wordLength`) in `text`. */
function sameFolded(
  candidate: string,
  start: number,
  end: number,
  text: string,
  wordStart: number,
  wordLength: number,
): boolean {
  if (end - start !== wordLength) return false;
  for (let i = start; i < end; i++)
    if (foldedCode(candidate.charCodeAt(i)) !== foldedCode(text.charCodeAt(wordStart + i - start))) return false;
  return true;
}

/**
 * The slot of the word with hash `h` that equals `candidate[start, end)` folded (distinct words may
 * share a hash), or the empty slot where it would go (`hashes[slot] === 0`).
 */
function slotOf(
  hashes: Int32Array,
  starts: Int32Array,
  lengths: Int32Array,
  text: string,
  h: number,
  candidate: string,
  start: number,
  end: number,
): number {
  let slot = h & TABLE_MASK;
  for (;;) {
    const v = hashes[slot] as number;
    if (v === 0) return slot;
    if (v === h && sameFolded(candidate, start, end, text, starts[slot] as number, lengths[slot] as number)) {
      return slot;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
}

function lookup(t: Table, h: number, password: string, start: number, end: number): boolean {
  return t.hashes[slotOf(t.hashes, t.starts, t.lengths, t.text, h, password, start, end)] !== 0;
}

/**
 * Builds the table on first use (so importing the library costs nothing until then); `null` while
 * no entry has provided the list (see `common-password-list.ts`). One pass over the list, hashing
 * each word as it is folded, without building a string per word (this runs on the first check).
 */
function commonPasswords(): Table | null {
  const list = commonPasswordList();
  if (table === null && list !== null) {
    const hashes = new Int32Array(1 << TABLE_BITS);
    const starts = new Int32Array(1 << TABLE_BITS);
    const lengths = new Int32Array(1 << TABLE_BITS);
    const prefixes = new Int32Array(1 << (PREFIX_BITS - 5));
    const text = list.toLowerCase();
    let longest = 0;
    let count = 0;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      let h = FNV_OFFSET;
      for (let i = start; i < end; i++) h = Math.imul(h ^ foldedCode(text.charCodeAt(i)), FNV_PRIME);
      if (h === 0) h = 1;
      const slot = slotOf(hashes, starts, lengths, text, h, text, start, end);
      if (hashes[slot] === 0) {
        hashes[slot] = h;
        starts[slot] = start;
        lengths[slot] = end - start;
        count++;
        if (end - start > longest) longest = end - start;
        const key = prefixKey(
          foldedCodeIn(text, start, end),
          foldedCodeIn(text, start + 1, end),
          foldedCodeIn(text, start + 2, end),
          foldedCodeIn(text, start + 3, end),
        );
        prefixes[key >>> 5] = (prefixes[key >>> 5] as number) | (1 << (key & 31));
      }
      start = end + 1;
    }
    table = { hashes, starts, lengths, text, count, prefixes, longest };
  }
  return table;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * `true` when `password` is a common password: compared case-insensitively with leet undone
 * (4,@→a 3→e 0→o 1→i/l $,5→s 7→t), either whole or once up to six leading and trailing digits and
 * symbols are stripped (`Summer2025!`, `Dr4gon#1`, `!!Monkey1999`). No string is built and no list
 * is scanned: each candidate passes a 4-character prefix filter, then its rolling hash is probed in
 * an open-addressing table and a hit is confirmed character by character. Because `1` stands for
 * both `i` and `l`, `l` and `i` compare equal.
 *
 * `false` while the list is not there yet (a browser page before `loadCommonPasswords`).
 *
 * @example
 * ```ts
 * isCommonPassword('Dr4gon#1'); // true
 * ```
 */
export function isCommonPassword(password: string): boolean {
  const t = commonPasswords();
  if (t === null) return false;
  const { prefixes, longest } = t;
  const n = password.length;
  let lead = 0;
  while (lead < n && lead < MAX_DECORATION && !isLetter(password.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < n && trail < MAX_DECORATION && !isLetter(password.charCodeAt(n - 1 - trail))) trail++;
  if (n - lead - trail > longest) return false;
  for (let a = 0; a <= lead && n - a >= MIN_CORE; a++) {
    const key = prefixKey(
      foldedCode(password.charCodeAt(a)),
      foldedCode(password.charCodeAt(a + 1)),
      foldedCode(password.charCodeAt(a + 2)),
      foldedCode(password.charCodeAt(a + 3)),
    );
    if (((prefixes[key >>> 5] as number) & (1 << (key & 31))) === 0) continue;
    let h = FNV_OFFSET;
    for (let i = a; i < n; i++) {
      h = Math.imul(h ^ foldedCode(password.charCodeAt(i)), FNV_PRIME);
      const length = i + 1 - a;
      if (
        n - i - 1 <= trail &&
        length >= MIN_CORE &&
        length <= longest &&
        lookup(t, h === 0 ? 1 : h, password, a, i + 1)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * How many distinct folded entries the list has (0 while it is not there).
 *
 * @example
 * ```ts
 * commonPasswordCount(); // 19906 (20,000 words, some equal once folded)
 * ```
 */
export function commonPasswordCount(): number {
  return commonPasswords()?.count ?? 0;
}

/**
 * Whether the common-password list is there, i.e. whether `common_password` can be judged.
 *
 * @example
 * ```ts
 * commonPasswordsLoaded(); // true after the root entry's definePolicy or loadCommonPasswords()
 * ```
 */
export function commonPasswordsLoaded(): boolean {
  return commonPasswordList() !== null;
}
