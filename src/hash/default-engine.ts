/** @module The module-wide default KDF engine, and the hook to replace it. */

import { referenceEngine } from './engines/reference.js';
import type { KdfEngine } from './kdf-engine.js';

let current: KdfEngine = referenceEngine;

/**
 * Replaces the engine used when a call passes no `engine` option (initially the portable
 * {@link referenceEngine}). The Node entry installs its fast engine here.
 *
 * @example
 * ```ts
 * setDefaultEngine(myEngine);
 * ```
 */
export function setDefaultEngine(engine: KdfEngine): void {
  current = engine;
}

/**
 * The engine used when a call passes no `engine` option.
 *
 * @example
 * ```ts
 * const engine = getDefaultEngine();
 * ```
 */
export function getDefaultEngine(): KdfEngine {
  return current;
}
