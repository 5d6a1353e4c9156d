/** @module The worker thread of the Node KDF engine: runs each task on the direct engine and posts the bytes back. */
import { parentPort, workerData } from 'node:worker_threads';
import { createDirectEngine } from '../engines/node-direct.js';
import { referenceEngine } from '../engines/reference.js';
import type { KdfTask, KdfWorkerData } from './kdf-task.js';
import { serializeError, type TaskMessage } from './protocol.js';

const { disabled } = workerData as KdfWorkerData;
const engine = createDirectEngine({
  fallback: async () => referenceEngine,
  importAccelerator: (name) =>
    disabled.includes(name) ? Promise.reject(new Error(`${name} is disabled`)) : import(name),
});

async function run(task: KdfTask): Promise<unknown> {
  switch (task.method) {
    case 'argon2':
      return engine.argon2(...task.args);
    case 'bcrypt':
      return engine.bcrypt(...task.args);
    case 'shaCrypt':
      return engine.shaCrypt(...task.args);
    case 'pbkdf2':
      return engine.pbkdf2(...task.args);
    case 'scrypt':
      return engine.scrypt(...task.args);
    case 'backends':
      return engine.backends();
  }
}

parentPort?.on('message', async ({ id, task }: TaskMessage<KdfTask>) => {
  try {
    const result = await run(task);
    // Move a private copy of the bytes to the main thread (an engine may reuse its own buffers).
    const value = result instanceof Uint8Array ? result.slice() : result;
    const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ id, ok: true, value }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
