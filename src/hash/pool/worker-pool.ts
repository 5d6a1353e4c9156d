/** @module A small pool of worker threads that runs CPU-heavy tasks off the event loop. */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { PassrotateError } from '../../errors.js';
import type { ResultMessage, SerializedError, TaskMessage } from './protocol.js';
import { spawnWorker } from './spawn-worker.js';

/** The most threads a pool starts unless told otherwise: password hashing must not starve the host. */
const DEFAULT_MAX_THREADS = 4;

/**
 * Options of {@link createWorkerPool}.
 *
 * @example
 * ```ts
 * const options: WorkerPoolOptions = { script: kdfWorkerUrl(), size: 2, workerData: { disabled: [] } };
 * const pool = createWorkerPool(options);
 * ```
 */
export interface WorkerPoolOptions {
  /** The worker module; it answers each {@link TaskMessage} with one {@link ResultMessage}. */
  readonly script: URL;
  /** Threads at most. Default: the available parallelism, at most {@link DEFAULT_MAX_THREADS}. */
  readonly size?: number;
  /** Handed to every worker as `workerData`. */
  readonly workerData?: unknown;
}

/**
 * A started-on-demand pool of worker threads.
 *
 * @example
 * ```ts
 * const pool: WorkerPool = createWorkerPool({ script: new URL('./worker.js', import.meta.url) });
 * pool.running; // 0 until the first task
 * await pool.close();
 * ```
 */
export interface WorkerPool {
  /** The most threads this pool runs at once. */
  readonly size: number;
  /** The threads started and alive now (0 until the first task). */
  readonly running: number;
  /**
   * Queues `task` and resolves with the worker's result. Rejects with the worker's error, with a
   * `PassrotateError` coded `hash_worker_crashed` when the worker died on it (the worker is
   * replaced), or `hash_pool_closed` after {@link WorkerPool.close}.
   */
  run<R>(task: unknown, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Terminates every worker and rejects the tasks still queued. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly task: unknown;
  readonly transfer: readonly ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

function toError(error: SerializedError): Error {
  if (error.code !== undefined) return new PassrotateError(error.code, error.message);
  if (error.name === 'RangeError') return new RangeError(error.message);
  if (error.name === 'TypeError') return new TypeError(error.message);
  return new Error(error.message);
}

/**
 * Creates a pool of worker threads. No thread starts before the first task; threads start as tasks
 * need them, up to `size`; an idle thread is `unref`'d so it never keeps the process alive, and a
 * thread that dies is replaced by the next task that needs one.
 *
 * @param options - The worker script, the size and what every worker receives.
 * @returns The pool.
 * @throws {RangeError} When `size` is not a positive integer.
 * @example
 * ```ts
 * const pool = createWorkerPool({ script: new URL('./worker.js', import.meta.url) });
 * const bytes = await pool.run<Uint8Array>({ method: 'pbkdf2', args: [] });
 * ```
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = positiveInteger(options.size ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS), 'size');
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot): Job | undefined => {
    const job = slot.job;
    slot.job = undefined;
    slot.worker.unref();
    return job;
  };

  const spawn = (): Slot => {
    const worker = spawnWorker(options.script, { workerData: options.workerData });
    const slot: Slot = { worker, job: undefined };
    worker.unref();
    worker.on('message', (message: ResultMessage) => {
      if (slot.job?.id !== message.id) return;
      const job = finish(slot);
      if (message.ok) job?.resolve(message.value);
      else job?.reject(toError(message.error));
      dispatch();
    });
    // A worker that fails is done for: it gets no new task, its current one is rejected, and the
    // next task that needs a thread starts a fresh one.
    const retire = (error: PassrotateError): void => {
      slots.delete(slot);
      const job = slot.job;
      slot.job = undefined;
      if (job && !closed) job.reject(error);
      if (!closed) dispatch();
    };
    worker.on('error', (error) => {
      retire(new PassrotateError('hash_worker_crashed', 'A hash worker thread failed', { cause: error }));
    });
    worker.on('exit', (exitCode) => {
      retire(new PassrotateError('hash_worker_crashed', `A hash worker thread exited (${exitCode})`));
    });
    slots.add(slot);
    return slot;
  };

  const idleSlot = (): Slot | undefined => {
    for (const slot of slots) if (slot.job === undefined) return slot;
    return slots.size < size ? spawn() : undefined;
  };

  function dispatch(): void {
    while (queue.length > 0) {
      let slot: Slot | undefined;
      try {
        slot = idleSlot();
      } catch (error) {
        // The thread could not even be created (e.g. no loader for a .ts worker): fail this task only.
        queue
          .shift()
          ?.reject(
            new PassrotateError('hash_worker_crashed', 'Could not start a hash worker', { cause: error }),
          );
        continue;
      }
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      const message: TaskMessage = { id: job.id, task: job.task };
      try {
        slot.worker.postMessage(message, [...job.transfer]);
      } catch (error) {
        finish(slot);
        job.reject(error);
      }
    }
  }

  return {
    size,
    get running() {
      return slots.size;
    },
    run<R>(task: unknown, transfer: readonly ArrayBuffer[] = []): Promise<R> {
      if (closed) return Promise.reject(new PassrotateError('hash_pool_closed', 'The hash pool is closed'));
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, task, transfer, resolve: resolve as (value: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(new PassrotateError('hash_pool_closed', 'The hash pool is closed'));
      }
      const running = [...slots];
      for (const slot of running) {
        slot.job?.reject(new PassrotateError('hash_pool_closed', 'The hash pool is closed'));
        slot.job = undefined;
      }
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
