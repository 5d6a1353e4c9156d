import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateCost } from '../../src/cli/calibrate-cost.js';
import { costKnob } from '../../src/cli/scheme-cost.js';

const knob = (scheme: string) => {
  const found = costKnob(scheme);
  if (!found) throw new Error(`no knob for ${scheme}`);
  return found;
};

describe('calibrateCost', () => {
  it('lands on the linear value whose time is the target', async () => {
    const result = await calibrateCost(knob('SHA512-CRYPT'), async (rounds) => rounds * 0.05, 250);
    expect(result).toEqual({ value: 5000, ms: 250 });
  });

  it('picks the doubling value closest to the target in ratio', async () => {
    // 2^11 · 0.1 = 204.8 ms (1.22× too fast) beats 2^12 · 0.1 = 409.6 ms (1.64× too slow).
    const result = await calibrateCost(knob('BLF-CRYPT'), async (cost) => 2 ** cost * 0.1, 250);
    expect(result).toEqual({ value: 11, ms: 204.8 });
  });

  it('never goes below the scheme minimum', async () => {
    const result = await calibrateCost(knob('SHA256-CRYPT'), async (rounds) => rounds * 10, 5);
    expect(result.value).toBe(1000);
  });

  it('for a linear knob, gets within one step of the target for any per-unit cost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        fc.integer({ min: 50, max: 2000 }),
        async (perPass, target) => {
          const { value, ms } = await calibrateCost(knob('ARGON2ID'), async (t) => t * perPass, target);
          if (target >= perPass) expect(Math.abs(ms - target)).toBeLessThanOrEqual(perPass);
          else expect(value).toBe(1);
        },
      ),
    );
  });

  it('knows which parameter is the work factor', () => {
    expect(costKnob('argon2id')).toMatchObject({ param: 't', fixed: { m: 19456, p: 1 } });
    expect(costKnob('BLF-CRYPT')).toMatchObject({ param: 'cost', growth: 'doubling' });
    expect(costKnob('SCRYPT')).toMatchObject({ param: 'ln', growth: 'doubling' });
    expect(costKnob('SCRAM-SHA-256')).toMatchObject({ param: 'rounds', min: 4096 });
    expect(costKnob('PBKDF2')).toMatchObject({ param: 'rounds' });
    expect(costKnob('SSHA512')).toBeUndefined();
  });
});
