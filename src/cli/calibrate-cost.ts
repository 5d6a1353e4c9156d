/** @module Finds the work factor whose hash takes about a target time, from a few measurements. */
import type { CostKnob } from './scheme-cost.js';

/**
 * The chosen value of the knob and what it measured.
 *
 * @example
 * ```ts
 * const calibration: Calibration = await calibrateCost(costKnob('ARGON2ID')!, measure, 250);
 * console.log(`t=${calibration.value} takes ${calibration.ms} ms`);
 * ```
 */
export interface Calibration {
  readonly value: number;
  readonly ms: number;
}

function estimate(knob: CostKnob, value: number, ms: number, targetMs: number): number {
  const next =
    knob.growth === 'linear'
      ? Math.round((value * targetMs) / ms)
      : value + Math.round(Math.log2(targetMs / ms));
  return Math.max(knob.min, next);
}

/** How far `ms` is from `targetMs`, as a ratio (so 2× too slow and 2× too fast count the same). */
function miss(ms: number, targetMs: number): number {
  return Math.abs(Math.log(ms / targetMs));
}

/**
 * Picks the knob value whose measured time is closest to `targetMs`: measures the starting value,
 * extrapolates with the knob's growth model, measures the estimate, and repeats (at most `steps`
 * times) until the estimate stops moving; for a doubling knob it also tries the neighbour on the
 * other side of the target.
 *
 * @param knob - The scheme's work factor.
 * @param measure - Times one value, in milliseconds (e.g. the median of a few hashes).
 * @param targetMs - The wanted time per hash.
 * @param steps - At most this many re-estimates. Default 4.
 * @returns The best value found and its measured time.
 * @example
 * ```ts
 * const { value, ms } = await calibrateCost(costKnob('SHA512-CRYPT')!, timeRounds, 250);
 * ```
 */
export async function calibrateCost(
  knob: CostKnob,
  measure: (value: number) => Promise<number>,
  targetMs: number,
  steps = 4,
): Promise<Calibration> {
  const measured = new Map<number, number>();
  const time = async (value: number): Promise<number> => {
    const known = measured.get(value);
    if (known !== undefined) return known;
    const ms = await measure(value);
    measured.set(value, ms);
    return ms;
  };
  let value = knob.start;
  let ms = await time(value);
  for (let step = 0; step < steps; step++) {
    const next = estimate(knob, value, Math.max(ms, 0.001), targetMs);
    if (next === value) break;
    value = next;
    ms = await time(value);
  }
  if (knob.growth === 'doubling') {
    const neighbour = ms > targetMs ? value - 1 : value + 1;
    if (neighbour >= knob.min) await time(neighbour);
  }
  let best: Calibration = { value, ms };
  for (const [candidate, candidateMs] of measured) {
    if (miss(candidateMs, targetMs) < miss(best.ms, targetMs)) best = { value: candidate, ms: candidateMs };
  }
  return best;
}
