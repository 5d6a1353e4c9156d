import { describe, expect, it } from 'vitest';
import { kdfWorkerUrl } from '../../../src/hash/pool/worker-location.js';

describe('kdfWorkerUrl', () => {
  it('finds the TypeScript worker beside the pool sources', () => {
    expect(kdfWorkerUrl('file:///repo/src/hash/pool/worker-location.ts').href).toBe(
      'file:///repo/src/hash/pool/kdf-worker.ts',
    );
  });

  it('finds the built worker from every bundle that can start the pool', () => {
    for (const bundle of ['dist/hash/node.js', 'dist/chunks/chunk-X.js', 'dist/cli/chunk-Y.js']) {
      expect(kdfWorkerUrl(`file:///pkg/${bundle}`).href).toBe('file:///pkg/dist/hash/kdf-worker.js');
    }
  });
});
