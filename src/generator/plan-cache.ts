/** @module Keeps generator plans per policy and options, so repeated generation skips the set-up. */
import type { Policy } from '../policy/types.js';

/** Plans per policy; at most {@link MAX_PLANS_PER_POLICY} option variants each. */
const MAX_PLANS_PER_POLICY = 32;

/**
 * A cache of plans keyed by policy (weakly) and by a string key of the options that shape the plan;
 * the key `null` (default options, the hot path) is a single WeakMap lookup.
 *
 * @example
 * ```ts
 * const cache = new PlanCache<number>();
 * cache.get(policy, 'length=12', () => 12); // computed once, then reused
 * ```
 */
export class PlanCache<T> {
  private readonly plans = new WeakMap<Policy, Map<string, T>>();
  private readonly defaults = new WeakMap<Policy, T>();
  /** The last default-options hit, checked before the WeakMap (generation in a loop repeats it). */
  private lastPolicy: Policy | undefined;
  private lastPlan: T | undefined;

  /** The plan for `policy` and `key` (`null` for default options), built by `build` on first use. */
  get(policy: Policy, key: string | null, build: () => T): T {
    if (key === null) {
      if (policy === this.lastPolicy) return this.lastPlan as T;
      let plan = this.defaults.get(policy);
      if (plan === undefined) {
        plan = build();
        this.defaults.set(policy, plan);
      }
      this.lastPolicy = policy;
      this.lastPlan = plan;
      return plan;
    }
    let byKey = this.plans.get(policy);
    if (byKey === undefined) {
      byKey = new Map();
      this.plans.set(policy, byKey);
    }
    let plan = byKey.get(key);
    if (plan === undefined) {
      plan = build();
      if (byKey.size >= MAX_PLANS_PER_POLICY) byKey.clear();
      byKey.set(key, plan);
    }
    return plan;
  }
}
