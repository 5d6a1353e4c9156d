/** @module A small `expect` for the conformance suites, so they need no test framework's assertion library. */

/** Thrown when an expectation fails; the test runner reports it as the test's failure. */
class ExpectationError extends Error {
  override readonly name = 'ExpectationError';
}

function show(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Deep equality in the manner of vitest's `toEqual` (`subset`: `toMatchObject`, extra keys allowed). */
function equal(actual: unknown, expected: unknown, subset: boolean): boolean {
  if (Object.is(actual, expected)) return true;
  if (actual instanceof Date || expected instanceof Date) {
    return actual instanceof Date && expected instanceof Date && actual.getTime() === expected.getTime();
  }
  if (ArrayBuffer.isView(actual) || ArrayBuffer.isView(expected)) {
    if (!ArrayBuffer.isView(actual) || !ArrayBuffer.isView(expected)) return false;
    const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
    const b = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== expected.length) return false;
    return actual.every((x, i) => equal(x, expected[i], subset));
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    const keys = new Set([...Object.keys(expected), ...(subset ? [] : Object.keys(actual))]);
    for (const key of keys) {
      if (!equal(actual[key], expected[key], subset)) return false;
    }
    return true;
  }
  return false;
}

/**
 * The matchers the suites use.
 *
 * @example
 * ```ts
 * const matchers: Matchers = expect(1);
 * ```
 */
export interface Matchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatchObject(expected: object): void;
  toBeNull(): void;
  toBeGreaterThan(bound: number): void;
  toBeLessThanOrEqual(bound: number): void;
  toHaveLength(length: number): void;
  readonly not: { toBeNull(): void };
}

/**
 * Starts an expectation on `actual`, like vitest's `expect`, for the matchers the suites need.
 *
 * @example
 * ```ts
 * expect(await store.get('alice@example.org')).toMatchObject({ version: 2 });
 * ```
 */
export function expect(actual: unknown): Matchers {
  const check = (ok: boolean, what: string): void => {
    if (!ok) throw new ExpectationError(`expected ${show(actual)} ${what}`);
  };
  return {
    toBe: (expected) => check(Object.is(actual, expected), `to be ${show(expected)}`),
    toEqual: (expected) => check(equal(actual, expected, false), `to equal ${show(expected)}`),
    toMatchObject: (expected) => check(equal(actual, expected, true), `to match ${show(expected)}`),
    toBeNull: () => check(actual === null, 'to be null'),
    toBeGreaterThan: (bound) => check(typeof actual === 'number' && actual > bound, `to be > ${bound}`),
    toBeLessThanOrEqual: (bound) => check(typeof actual === 'number' && actual <= bound, `to be <= ${bound}`),
    toHaveLength: (length) =>
      check((actual as { length?: unknown } | null)?.length === length, `to have length ${length}`),
    not: { toBeNull: () => check(actual !== null, 'not to be null') },
  };
}
