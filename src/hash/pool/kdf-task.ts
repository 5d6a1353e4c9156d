/** @module The tasks the Node KDF engine sends to its worker threads. */
import type { Argon2Params, ScryptParams } from '../kdf-engine.js';

/**
 * One KDF call, as sent to a worker: the engine method and its arguments.
 *
 * @example
 * ```ts
 * const task: KdfTask = { method: 'bcrypt', args: [passwordBytes, salt, 10] };
 * const key = await pool.run<Uint8Array>(task);
 * ```
 */
export type KdfTask =
  | { readonly method: 'argon2'; readonly args: readonly [Uint8Array, Uint8Array, Argon2Params] }
  | { readonly method: 'bcrypt'; readonly args: readonly [Uint8Array, Uint8Array, number] }
  | {
      readonly method: 'shaCrypt';
      readonly args: readonly ['sha256' | 'sha512', Uint8Array, Uint8Array, number];
    }
  | {
      readonly method: 'pbkdf2';
      readonly args: readonly ['sha1' | 'sha256' | 'sha512', Uint8Array, Uint8Array, number, number];
    }
  | { readonly method: 'scrypt'; readonly args: readonly [Uint8Array, Uint8Array, ScryptParams] }
  | { readonly method: 'backends'; readonly args: readonly [] };

/**
 * What every KDF worker receives as `workerData`.
 *
 * @example
 * ```ts
 * const workerData: KdfWorkerData = { disabled: ['hash-wasm'] };
 * createWorkerPool({ script: kdfWorkerUrl(), workerData });
 * ```
 */
export interface KdfWorkerData {
  /** Accelerators the worker must not load (the pure fallback is used instead). */
  readonly disabled: readonly ('@node-rs/argon2' | 'hash-wasm')[];
}
