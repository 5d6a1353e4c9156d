import { describe, expect, it } from 'vitest';
import { cryptoRandomSource, PassrotateError, systemClock } from '../src/index.js';

describe('ports defaults', () => {
  it('fills more than the 65,536-byte getRandomValues limit', () => {
    const bytes = cryptoRandomSource.fill(new Uint8Array(70_000));
    expect(bytes.subarray(66_000).some((b) => b !== 0)).toBe(true);
  });
  it('tells the time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
  it('carries a code and a cause', () => {
    const cause = new Error('x');
    const e = new PassrotateError('invalid_policy', 'bad', { cause });
    expect([e.code, e.cause, e.name]).toEqual(['invalid_policy', cause, 'PassrotateError']);
  });
});
