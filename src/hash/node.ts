/** @module passrotate/hash (Node) */
// The portable hash API with the fast Node engine as the default.
// The Node engine runs native and WebAssembly code in a small worker pool, off the event loop.
import { setDefaultEngine } from './default-engine.js';
import { createNodeEngine, type NodeKdfEngine } from './engines/node-engine.js';

export type { NodeEngineBackends } from './engines/node-direct.js';
export { createNodeEngine, type NodeEngineOptions, type NodeKdfEngine } from './engines/node-engine.js';
export * from './index.js';

/**
 * The engine this entry installed as the default when it was loaded: up to 4 worker threads
 * (fewer on smaller machines), started on first use, never keeping the process alive while idle.
 * Replace it with `setDefaultEngine(createNodeEngine({ threads }))` to size the pool yourself.
 *
 * @example
 * ```ts
 * import { hashPassword } from 'passrotate/hash';
 * import { nodeEngine } from 'passrotate/hash/node';
 * await hashPassword('Correct-Horse-9', { scheme: 'ARGON2ID' }); // runs in nodeEngine's workers
 * console.log(await nodeEngine.backends()); // { argon2: '@node-rs/argon2', bcrypt: 'hash-wasm', … }
 * ```
 */
export const nodeEngine: NodeKdfEngine = createNodeEngine();
setDefaultEngine(nodeEngine);
