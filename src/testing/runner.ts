/** @module The test-runner interface the conformance suites register their tests with (vitest, node:test, jest, mocha…). */
import { PassrotateError } from '../errors.js';

/**
 * The two functions the suites need from a test framework: `describe` groups, `it` registers an
 * async test that fails by throwing. vitest's, jest's, mocha's and `node:test`'s fit as they are.
 *
 * @example
 * ```ts
 * import { describe, it } from 'node:test';
 * const runner: TestRunner = { describe, it };
 * ```
 */
export interface TestRunner {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

let installed: TestRunner | undefined;

/**
 * Sets the runner every later suite call registers with (for instance once in a setup file), so
 * the suites need no `runner` option.
 *
 * @example
 * ```ts
 * import { describe, it } from 'vitest';
 * useTestRunner({ describe, it });
 * testCredentialStore('mine', () => myStore());
 * ```
 */
export function useTestRunner(runner: TestRunner): void {
  installed = runner;
}

/**
 * The runner a suite registers with: the one passed to it, else the one set by
 * {@link useTestRunner}, else global `describe`/`it` (jest, mocha, vitest with `globals`).
 *
 * @throws PassrotateError `test_runner_missing` when there is none.
 * @example
 * ```ts
 * const { describe, it } = resolveTestRunner(options.runner);
 * ```
 */
export function resolveTestRunner(runner?: TestRunner): TestRunner {
  if (runner !== undefined) return runner;
  if (installed !== undefined) return installed;
  const global = globalThis as { describe?: unknown; it?: unknown };
  if (typeof global.describe === 'function' && typeof global.it === 'function') {
    return global as TestRunner;
  }
  throw new PassrotateError(
    'test_runner_missing',
    'passrotate/testing: pass { runner: { describe, it } } (from vitest, node:test, jest…) or call useTestRunner first',
  );
}
