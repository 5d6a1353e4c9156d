import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../src/index.js';
import { compiledOf } from '../../src/policy/compiled.js';
import { createFacts, scanGeneral, scanPassword } from '../../src/policy/scan.js';

describe('scan', () => {
  it('the ASCII fast path finds exactly what the general path finds', () => {
    const policies = [
      definePolicy({ maxRepeated: 2, maxSequence: 3 }),
      definePolicy({
        maxRepeated: 1,
        maxSequence: 2,
        allowedCharacters: 'printable_ascii',
        specialCharacters: '!#',
      }),
      definePolicy({ maxRepeated: 3, maxSequence: 4, allowedCharacters: { custom: 'abcXYZ123-' } }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        (policy, text) => {
          const c = compiledOf(policy);
          const fast = createFacts();
          const general = createFacts();
          scanPassword(c, text, fast);
          scanGeneral(c, text, general);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
