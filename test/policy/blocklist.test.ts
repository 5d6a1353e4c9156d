import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy, validatePassword } from '../../src/index.js';
import { commonPasswordCount, isCommonPassword } from '../../src/policy/blocklist/common-password-set.js';
import { COMMON_PASSWORDS } from '../../src/policy/blocklist/common-passwords.js';
import { FOLDED_COMMON_PASSWORDS } from '../../src/policy/blocklist/common-passwords-folded.js';
import { foldText } from '../../src/policy/fold.js';

const p = definePolicy({ minLength: 1, accountCheck: false });
const refused = (password: string): boolean =>
  validatePassword(p, password).violations.some((v) => v.code === 'common_password');

describe('common-password blocklist', () => {
  it('bundles at least 10,000 distinct lowercase entries', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(COMMON_PASSWORDS).toBe(COMMON_PASSWORDS.toLowerCase());
  });

  it('ships the list folded, distinct and sorted, as generated from the ranked list', () => {
    // Regenerate with `npx tsx scripts/make-common-passwords-folded.ts` after editing the list.
    const expected = [...new Set(COMMON_PASSWORDS.split('\n').map(foldText))].sort().join('\n');
    expect(FOLDED_COMMON_PASSWORDS === expected).toBe(true);
    expect(commonPasswordCount()).toBe(expected.split('\n').length);
  });

  it.each([
    'password',
    'PASSWORD',
    'Summer2025!',
    'Dr4gon#1',
    'P@ssw0rd',
    'p4$$w0rd!!',
    'Passw0rd123',
    '123456!',
    '!!Monkey1999',
    'iloveyou2',
    'Sunsh1ne?',
    'hell0!',
    'F00tball#7',
    'L3tm3in',
  ])('refuses %s', (password) => {
    expect(refused(password)).toBe(true);
  });

  it.each(['Xk9#mP2$vL', 'Tulip-Ocean-7', 'correct horse battery staple', 'S8m!qZ', 'ab', '2025!'])(
    'accepts %s',
    (password) => {
      expect(refused(password)).toBe(false);
    },
  );

  it('refuses every listed word dressed up with case, a year and a symbol', () => {
    const words = COMMON_PASSWORDS.split('\n').filter((w) => /^[a-z]{4,}$/.test(w));
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom('!', '#', '?', '.', '$$', ''),
        fc.boolean(),
        (word, year, symbol, leading) => {
          const dressed = `${word[0]?.toUpperCase()}${word.slice(1)}`;
          return isCommonPassword(
            (leading ? `${symbol}${year}${dressed}` : `${dressed}${year}${symbol}`).toLowerCase(),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses leet versions of listed words (up to five 1s standing for i or l)', () => {
    const leet: Record<string, string> = { a: '4', e: '3', o: '0', s: '$', t: '7', i: '1', l: '1' };
    const words = COMMON_PASSWORDS.split('\n').filter((w) => /^[a-z]{5,}$/.test(w) && !/([il].*){6}/.test(w));
    fc.assert(
      fc.property(fc.constantFrom(...words), (word) =>
        isCommonPassword(`${[...word].map((c) => leet[c] ?? c).join('')}#1`),
      ),
      { numRuns: 500 },
    );
  });

  it('refuses passwords containing a policy blocked word, plainly or in leet', () => {
    const q = definePolicy({ minLength: 1, blocklist: false, accountCheck: false, blockedWords: ['Acme'] });
    expect(validatePassword(q, 'MyAcme2025!').violations).toEqual([{ code: 'common_password' }]);
    expect(validatePassword(q, 'x4cm3y').violations).toEqual([{ code: 'common_password' }]);
    expect(validatePassword(q, 'password').ok).toBe(true);
  });

  it('can be turned off', () => {
    expect(validatePassword(definePolicy({ minLength: 1, blocklist: false }), 'password').ok).toBe(true);
  });
});

describe('blocklist lookup machinery', () => {
  /** The obvious (slow) definition: fold, strip up to six non-letters per end, look the string up. */
  const folded = new Set(COMMON_PASSWORDS.split('\n').map(foldText));
  function reference(password: string): boolean {
    const isLetter = (c: string) => /^[a-zA-Z]$/.test(c);
    let lead = 0;
    while (lead < password.length && lead < 6 && !isLetter(password[lead] as string)) lead++;
    let trail = 0;
    while (trail < password.length && trail < 6 && !isLetter(password[password.length - 1 - trail] as string))
      trail++;
    for (let a = 0; a <= lead; a++) {
      for (let b = 0; b <= trail; b++) {
        const core = password.slice(a, password.length - b);
        if ((core.length >= 4 || (a === 0 && b === 0)) && folded.has(foldText(core))) return true;
      }
    }
    return false;
  }

  it('agrees with the obvious definition', () => {
    const words = COMMON_PASSWORDS.split('\n');
    const decorated = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'19!#$@_. '), maxLength: 7 }),
        fc.constantFrom(...words),
        fc.string({ unit: fc.constantFrom(...'20!?*1 €'), maxLength: 7 }),
        fc.boolean(),
      )
      .map(([pre, word, post, upper]) => `${pre}${upper ? word.toUpperCase() : word}${post}`);
    const noise = fc.string({ unit: fc.constantFrom(...'abcdeilnorst0134579@$!#ABL'), maxLength: 14 });
    fc.assert(
      fc.property(fc.oneof(decorated, noise), (password) => {
        expect(isCommonPassword(password)).toBe(reference(password));
      }),
      { numRuns: 3000 },
    );
  });
});
