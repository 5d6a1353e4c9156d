/** @module Draws one password from a plan: place the required characters, then fill left to right. */
import { wouldBreakLimits } from './local-rules.js';
import type { PasswordPlan, Pool } from './password-plan.js';
import type { RandomReader } from './random-reader.js';

/** One uniformly random character of `pool`. */
function draw(pool: Pool, reader: RandomReader): number {
  return pool.byByte === null
    ? (pool.codes[reader.int(pool.codes.length)] as number)
    : reader.pick(pool.byByte);
}

/**
 * Draws one password following `plan`.
 *
 * 1. Placement: a partial Fisher–Yates shuffle of the positions gives each required character
 *    (`plan.required`) its own uniformly random position; all others take the filler pool. This is
 *    the same distribution as shuffling the whole list of slots, with one draw per required character.
 * 2. Characters: every position gets a character drawn uniformly from its pool (rejection sampling).
 *    When the policy limits runs or sequences and the drawn character would break a limit, that one
 *    position is redrawn once, uniformly among the pool's characters that keep the limits (at least
 *    one exists: the plan refuses smaller pools). The result is uniform over the permitted
 *    characters; the redraw is bounded and nothing else is retried.
 *
 * @example
 * ```ts
 * drawPassword(planPassword(presets.mailbox, {}), readerFor(cryptoRandomSource));
 * ```
 */
export function drawPassword(plan: PasswordPlan, reader: RandomReader): string {
  const { length, required, filler, limits } = plan;
  // positions[0 … required.length-1] become the required characters' positions.
  const positions: number[] = new Array<number>(length);
  for (let i = 0; i < length; i++) positions[i] = i;
  for (let k = 0; k < required.length; k++) {
    const j = k + reader.int(length - k);
    const position = positions[j] as number;
    positions[j] = positions[k] as number;
    positions[k] = position;
  }
  const codes: number[] = new Array<number>(length);
  if (limits === null) {
    for (let at = 0; at < length; at++) codes[at] = draw(filler, reader);
    for (let k = 0; k < required.length; k++)
      codes[positions[k] as number] = draw(required[k] as Pool, reader);
  } else {
    const pools: Pool[] = new Array<Pool>(length).fill(filler);
    for (let k = 0; k < required.length; k++) pools[positions[k] as number] = required[k] as Pool;
    for (let at = 0; at < length; at++) {
      const pool = pools[at] as Pool;
      let code = draw(pool, reader);
      if (wouldBreakLimits(limits, codes, at, code)) {
        const permitted = pool.codes.filter((c) => !wouldBreakLimits(limits, codes, at, c));
        code = permitted[reader.int(permitted.length)] as number;
      }
      codes[at] = code;
    }
  }
  return plan.bmpOnly ? String.fromCharCode.apply(null, codes) : String.fromCodePoint.apply(null, codes);
}
