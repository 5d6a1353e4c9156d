import { describe, expect, it } from 'vitest';
import {
  type BreachChecker,
  definePolicy,
  PassrotateError,
  passwordSha1Hex,
  sortedSha1BreachChecker,
  validatePassword,
  validatePasswordAsync,
} from '../../src/index.js';

const policy = definePolicy({ minLength: 1, blocklist: false, historySize: 3, rejectBreached: true });

describe('validatePasswordAsync', () => {
  it('adds reused_password from the caller matcher', async () => {
    const seen: string[] = [];
    const previousHashes = async (candidate: string) => {
      seen.push(candidate);
      return candidate === 'old-one';
    };
    expect(await validatePasswordAsync(policy, 'old-one', { previousHashes })).toEqual({
      ok: false,
      violations: [{ code: 'reused_password', history: 3 }],
    });
    expect((await validatePasswordAsync(policy, 'fresh', { previousHashes })).ok).toBe(true);
    expect(seen).toEqual(['old-one', 'fresh']);
  });

  it('adds breached_password with the occurrence count', async () => {
    const breachChecker: BreachChecker = { occurrences: async (p) => (p === 'hunter2' ? 17 : 0) };
    expect(await validatePasswordAsync(policy, 'hunter2', { breachChecker })).toEqual({
      ok: false,
      violations: [{ code: 'breached_password', occurrences: 17 }],
    });
  });

  it('skips rules the policy does not activate or the context lacks, and reports sync rules too', async () => {
    const off = definePolicy({ minLength: 5, blocklist: false });
    const ports = { previousHashes: async () => true, breachChecker: { occurrences: async () => 9 } };
    expect(await validatePasswordAsync(off, 'abc', ports)).toEqual(validatePassword(off, 'abc'));
    expect((await validatePasswordAsync(policy, 'abc')).ok).toBe(true);
  });

  it('does not call the ports for absurd input', async () => {
    let calls = 0;
    const previousHashes = async () => {
      calls++;
      return false;
    };
    const result = await validatePasswordAsync(policy, 'x'.repeat(10_000), { previousHashes });
    expect(result.violations.map((v) => v.code)).toEqual(['too_long']);
    expect(calls).toBe(0);
  });

  it('propagates a port failure', async () => {
    const breachChecker: BreachChecker = { occurrences: () => Promise.reject(new Error('down')) };
    await expect(validatePasswordAsync(policy, 'x', { breachChecker })).rejects.toThrow('down');
  });
});

describe('sortedSha1BreachChecker', () => {
  const lines = ['password', 'hunter2', 'Tr0ub4dor&3']
    .map((p, i) => `${passwordSha1Hex(p).toLowerCase()}:${(i + 1) * 10}`)
    .sort((a, b) => a.localeCompare(b));

  it('hashes like HIBP', () => {
    expect(passwordSha1Hex('password')).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
  });

  it('finds listed passwords with their count and nothing else', async () => {
    const checker = sortedSha1BreachChecker(lines);
    expect(await checker.occurrences('password')).toBe(10);
    expect(await checker.occurrences('hunter2')).toBe(20);
    expect(await checker.occurrences('Tr0ub4dor&3')).toBe(30);
    expect(await checker.occurrences('Password')).toBe(0);
    expect(await sortedSha1BreachChecker([]).occurrences('x')).toBe(0);
  });

  it('refuses unsorted or malformed lists without echoing them', () => {
    const unsorted = [...lines].reverse();
    expect(() => sortedSha1BreachChecker(unsorted)).toThrow(PassrotateError);
    try {
      sortedSha1BreachChecker(['secret-line']);
    } catch (e) {
      expect((e as PassrotateError).code).toBe('malformed_breach_list');
      expect((e as Error).message).not.toContain('secret');
    }
    expect.assertions(3);
  });
});
