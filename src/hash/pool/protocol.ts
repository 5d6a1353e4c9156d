/** @module The messages a worker pool and its workers exchange. */

/**
 * Sent to a worker: one task, tagged so its answer can be matched.
 *
 * @example
 * ```ts
 * const message: TaskMessage<KdfTask> = { id: 1, task: { method: 'backends', args: [] } };
 * worker.postMessage(message);
 * ```
 */
export interface TaskMessage<T = unknown> {
  readonly id: number;
  readonly task: T;
}

/**
 * A worker's error, reduced to what survives structured cloning without losing its code.
 *
 * @example
 * ```ts
 * const error: SerializedError = { name: 'PassrotateError', message: 'worker crashed', code: 'hash_worker_crashed' };
 * ```
 */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/**
 * Sent back by a worker: the task's result or its error.
 *
 * @example
 * ```ts
 * const answer: ResultMessage<Uint8Array> = { id: 1, ok: true, value: new Uint8Array(32) };
 * const failure: ResultMessage = { id: 2, ok: false, error: serializeError(new RangeError('bad cost')) };
 * ```
 */
export type ResultMessage<R = unknown> =
  | { readonly id: number; readonly ok: true; readonly value: R }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/**
 * Reduces an error thrown in a worker to a {@link SerializedError}.
 *
 * @param error - Anything thrown.
 * @returns Its name, message and `code` (when it has a string one).
 * @example
 * ```ts
 * serializeError(new RangeError('rounds out of range')); // { name: 'RangeError', message: '…' }
 * ```
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string'
    ? { name: error.name, message: error.message, code }
    : { name: error.name, message: error.message };
}
