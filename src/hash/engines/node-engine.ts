/** @module The fast Node KdfEngine: native and WASM code in a small worker pool, off the event loop and off libuv's pool. */
import type { Argon2Params, KdfEngine, ScryptParams } from '../kdf-engine.js';
import type { KdfTask, KdfWorkerData } from '../pool/kdf-task.js';
import { kdfWorkerUrl } from '../pool/worker-location.js';
import { createWorkerPool } from '../pool/worker-pool.js';
import type { NodeEngineBackends } from './node-direct.js';

/**
 * Options of {@link createNodeEngine}.
 *
 * @example
 * ```ts
 * const options: NodeEngineOptions = { threads: 2, accelerators: { bcrypt: false } };
 * setDefaultEngine(createNodeEngine(options));
 * ```
 */
export interface NodeEngineOptions {
  /** Worker threads at most. Default: the available parallelism, at most 4. */
  readonly threads?: number;
  /**
   * Set one to `false` to compute that primitive with the portable pure-JS engine even when its
   * optional accelerator (`@node-rs/argon2`, `hash-wasm`) is installed. Default: both `true`.
   */
  readonly accelerators?: { readonly argon2?: boolean; readonly bcrypt?: boolean };
}

/**
 * The Node engine: a {@link KdfEngine} backed by worker threads, which can report and release them.
 *
 * @example
 * ```ts
 * const engine: NodeKdfEngine = createNodeEngine({ threads: 2 });
 * engine.threads; // 2
 * await engine.close();
 * ```
 */
export interface NodeKdfEngine extends KdfEngine {
  /** The most worker threads the engine runs at once. */
  readonly threads: number;
  /** Which implementation computes each primitive (loads the accelerators in a worker to find out). */
  backends(): Promise<NodeEngineBackends>;
  /** Stops the worker threads; later calls reject with `hash_pool_closed`. Idle threads never keep the process alive anyway. */
  close(): Promise<void>;
}

interface Movable {
  readonly pw: Uint8Array;
  readonly salt: Uint8Array;
  readonly transfer: ArrayBuffer[];
}

/** Private copies of the inputs, whose buffers are moved to the worker (the caller's stay intact). */
function movable(password: Uint8Array, salt: Uint8Array): Movable {
  const pw = password.slice();
  const saltCopy = salt.slice();
  return { pw, salt: saltCopy, transfer: [pw.buffer as ArrayBuffer, saltCopy.buffer as ArrayBuffer] };
}

/**
 * Creates the Node engine. Every call runs in a worker thread of its own small pool, calling the
 * synchronous native code there — node:crypto for PBKDF2, scrypt and SHA-crypt, `@node-rs/argon2`
 * for Argon2 and `hash-wasm` for bcrypt when installed, the pure-JS reference engine otherwise — so
 * neither the event loop nor libuv's threadpool (which `fs` and `dns` share) waits on a hash.
 * Threads start on first use and never keep the process alive while idle.
 *
 * @param options - Pool size and accelerator switches.
 * @returns The engine; its results are byte-identical to the reference engine's.
 * @example
 * ```ts
 * const engine = createNodeEngine({ threads: 2 });
 * const dk = await engine.pbkdf2('sha256', new TextEncoder().encode('pw'), salt, 600_000, 32);
 * ```
 */
export function createNodeEngine(options: NodeEngineOptions = {}): NodeKdfEngine {
  const disabled: KdfWorkerData['disabled'][number][] = [];
  if (options.accelerators?.argon2 === false) disabled.push('@node-rs/argon2');
  if (options.accelerators?.bcrypt === false) disabled.push('hash-wasm');
  const workerData: KdfWorkerData = { disabled };
  const pool = createWorkerPool({
    script: kdfWorkerUrl(),
    workerData,
    ...(options.threads === undefined ? {} : { size: options.threads }),
  });
  const run = (task: KdfTask, transfer: ArrayBuffer[]): Promise<Uint8Array> => pool.run(task, transfer);

  return {
    threads: pool.size,
    backends: () => pool.run<NodeEngineBackends>({ method: 'backends', args: [] }),
    close: () => pool.close(),
    argon2(password: Uint8Array, salt: Uint8Array, params: Argon2Params) {
      const m = movable(password, salt);
      return run({ method: 'argon2', args: [m.pw, m.salt, params] }, m.transfer);
    },
    bcrypt(password: Uint8Array, salt: Uint8Array, cost: number) {
      const m = movable(password, salt);
      return run({ method: 'bcrypt', args: [m.pw, m.salt, cost] }, m.transfer);
    },
    shaCrypt(algorithm: 'sha256' | 'sha512', password: Uint8Array, salt: Uint8Array, rounds: number) {
      const m = movable(password, salt);
      return run({ method: 'shaCrypt', args: [algorithm, m.pw, m.salt, rounds] }, m.transfer);
    },
    pbkdf2(
      digest: 'sha1' | 'sha256' | 'sha512',
      password: Uint8Array,
      salt: Uint8Array,
      iterations: number,
      dkLen: number,
    ) {
      const m = movable(password, salt);
      return run({ method: 'pbkdf2', args: [digest, m.pw, m.salt, iterations, dkLen] }, m.transfer);
    },
    scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams) {
      const m = movable(password, salt);
      return run({ method: 'scrypt', args: [m.pw, m.salt, params] }, m.transfer);
    },
  };
}
