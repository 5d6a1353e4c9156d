import { afterEach, describe, expect, it } from 'vitest';
import { PassrotateError } from '../../../src/errors.js';
import { createWorkerPool, type WorkerPool } from '../../../src/hash/pool/worker-pool.js';

const script = new URL('./fixtures/test-worker.ts', import.meta.url);
const pools: WorkerPool[] = [];
const pool = (size: number): WorkerPool => {
  const created = createWorkerPool({ script, size });
  pools.push(created);
  return created;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('createWorkerPool', () => {
  it('starts no thread before the first task', () => {
    expect(pool(2).running).toBe(0);
  });

  it('runs tasks on at most `size` threads, queueing the rest', async () => {
    const p = pool(2);
    const ids = await Promise.all(Array.from({ length: 6 }, () => p.run<number>({ kind: 'thread', ms: 30 })));
    expect(new Set(ids).size).toBe(2);
    expect(p.running).toBe(2);
  });

  it('moves transferable buffers to the worker and back', async () => {
    const bytes = Uint8Array.of(1, 2, 3);
    const back = await pool(1).run<Uint8Array>({ kind: 'echo', bytes }, [bytes.buffer]);
    expect(Array.from(back)).toEqual([1, 2, 3]);
    expect(bytes.byteLength).toBe(0); // detached: moved, not copied
  });

  it("rejects with the worker's coded error and keeps the thread", async () => {
    const p = pool(1);
    const first = await p.run<number>({ kind: 'thread', ms: 0 });
    await expect(p.run({ kind: 'fail' })).rejects.toMatchObject({ code: 'test_failure' });
    expect(await p.run<number>({ kind: 'thread', ms: 0 })).toBe(first);
  });

  it.each(['exit', 'throw'])(
    'rejects the task of a worker that dies (%s) and replaces the worker',
    async (kind) => {
      const p = pool(1);
      const first = await p.run<number>({ kind: 'thread', ms: 0 });
      const error = await p.run({ kind }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PassrotateError);
      expect(error).toMatchObject({ code: 'hash_worker_crashed' });
      const next = await p.run<number>({ kind: 'thread', ms: 0 });
      expect(next).not.toBe(first);
    },
  );

  it('rejects every task with a coded error when the worker script cannot start', async () => {
    const broken = createWorkerPool({
      script: new URL('./fixtures/no-such-worker.js', import.meta.url),
      size: 1,
    });
    pools.push(broken);
    const outcomes = await Promise.all(
      [broken.run({}), broken.run({})].map((task) => task.catch((e: unknown) => e)),
    );
    expect(outcomes).toMatchObject([{ code: 'hash_worker_crashed' }, { code: 'hash_worker_crashed' }]);
    expect(broken.running).toBe(0);
  });

  it('rejects the task with a coded error when the thread cannot even be created', async () => {
    const impossible = createWorkerPool({ script: new URL('https://example.com/worker.js'), size: 1 });
    pools.push(impossible);
    await expect(impossible.run({})).rejects.toMatchObject({ code: 'hash_worker_crashed' });
    await expect(impossible.run({})).rejects.toMatchObject({ code: 'hash_worker_crashed' });
  });

  it('rejects queued and later tasks once closed', async () => {
    const p = pool(1);
    const outcomes = [p.run({ kind: 'thread', ms: 50 }), p.run({ kind: 'thread', ms: 0 })].map((task) =>
      task.catch((e: unknown) => e),
    );
    await p.close();
    expect(await Promise.all(outcomes)).toMatchObject([
      { code: 'hash_pool_closed' },
      { code: 'hash_pool_closed' },
    ]);
    await expect(p.run({ kind: 'thread', ms: 0 })).rejects.toMatchObject({ code: 'hash_pool_closed' });
    expect(p.running).toBe(0);
  });

  it('refuses a size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(() => createWorkerPool({ script, size })).toThrow(RangeError);
    }
  });
});
