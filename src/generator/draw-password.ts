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
 * 1. Placement: each required character (`plan.required`) in turn gets a uniformly random one of
 *    the positions still free — a partial Fisher–Yates shuffle, one draw per required character,
 *    the same distribution as shuffling the whole list of slots; all other positions take the
 *    filler pool.
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
  const table = plan.filler.byByte;
  return plan.limits === null && plan.length <= 32 && table !== null
    ? drawShort(plan, table, reader)
    : drawGeneral(plan, reader);
}

/** The hot path (no run/sequence limits, at most 32 characters): taken positions live in a bitmask. */
function drawShort(plan: PasswordPlan, table: Uint16Array, reader: RandomReader): string {
  const { length, required } = plan;
  const codes: number[] = new Array<number>(length);
  let taken = 0;
  for (let k = 0; k < required.length; k++) {
    // A uniform position; if it is taken, the j-th of the length - k free ones for a uniform j.
    // Each free position ends up with probability 1/length + (k/length)·1/(length - k) = 1/(length - k).
    let position = reader.int(length);
    if ((taken & (1 << position)) !== 0) {
      let j = reader.int(length - k);
      position = 0;
      while ((taken & (1 << position)) !== 0 || j-- > 0) position++;
    }
    taken |= 1 << position;
    codes[position] = draw(required[k] as Pool, reader);
  }
  reader.pickInto(table, length, taken, codes);
  return String.fromCharCode.apply(null, codes);
}

function drawGeneral(plan: PasswordPlan, reader: RandomReader): string {
  const { length, required, filler, limits } = plan;
  // A partial Fisher–Yates shuffle of the positions: positions[k] is required character k's.
  const positions: number[] = Array.from({ length }, (_, i) => i);
  // codes[p] < 0 marks position p as taken by required character -codes[p] - 1, until it is drawn.
  const codes: number[] = new Array<number>(length).fill(0);
  for (let k = 0; k < required.length; k++) {
    const j = k + reader.int(length - k);
    const position = positions[j] as number;
    positions[j] = positions[k] as number;
    positions[k] = position;
    codes[position] = -k - 1;
  }
  for (let at = 0; at < length; at++) {
    const marker = codes[at] as number;
    const pool = marker < 0 ? (required[-marker - 1] as Pool) : filler;
    let code = draw(pool, reader);
    if (limits !== null && wouldBreakLimits(limits, codes, at, code)) {
      const permitted = pool.codes.filter((c) => !wouldBreakLimits(limits, codes, at, c));
      code = permitted[reader.int(permitted.length)] as number;
    }
    codes[at] = code;
  }
  return plan.bmpOnly ? String.fromCharCode.apply(null, codes) : String.fromCodePoint.apply(null, codes);
}
