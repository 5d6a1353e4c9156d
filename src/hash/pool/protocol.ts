/** @module The messages a worker pool and its workers exchange. */

/** Sent to a worker: one task, tagged so its answer can be matched. */
export interface TaskMessage<T = unknown> {
  readonly id: number;
  readonly task: T;
}

/** A worker's error, reduced to what survives structured cloning without losing its code. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** Sent back by a worker: the task's result or its error. */
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
