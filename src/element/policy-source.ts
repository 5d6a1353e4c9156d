/** @module Where the element reads its policy: inline JSON in `data-policy`, or a JSON endpoint in `data-policy-url`. */
import type { PolicySpec } from '../policy/index.js';

/**
 * What a policy endpoint (`data-policy-url`) answers: `200`, `Content-Type: application/json`,
 * the spec as `definePolicy` accepts it under `spec`. A resolved policy serialised with
 * `JSON.stringify` is a valid spec too. More fields may follow later; the element ignores them.
 *
 * @example
 * ```ts
 * const body: PolicyEndpointBody = { spec: { minLength: 12, minDigit: 1 } };
 * ```
 */
export interface PolicyEndpointBody {
  readonly spec: PolicySpec;
}

/**
 * The policy spec of an element: `data-policy` (JSON) when present, else the `spec` of the JSON
 * answer of `data-policy-url` (fetched with the page's cookies, same origin only by default CSP).
 *
 * @throws TypeError when neither attribute is set, the JSON is malformed, or the answer is not 2xx
 *   or has no `spec` object.
 * @example
 * ```ts
 * const spec = await readPolicySpec(element);
 * ```
 */
export async function readPolicySpec(element: HTMLElement): Promise<PolicySpec> {
  const inline = element.dataset.policy;
  if (inline !== undefined) return JSON.parse(inline) as PolicySpec;
  const url = element.dataset.policyUrl;
  if (url === undefined) throw new TypeError('passrotate-password needs data-policy or data-policy-url');
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new TypeError(`policy endpoint answered ${response.status}`);
  const body = (await response.json()) as Partial<PolicyEndpointBody> | null;
  if (typeof body?.spec !== 'object' || body.spec === null) {
    throw new TypeError('policy endpoint answer has no "spec" object');
  }
  return body.spec;
}
