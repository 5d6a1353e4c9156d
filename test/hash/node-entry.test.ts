import { describe, expect, it } from 'vitest';
import { getDefaultEngine, hashPassword, nodeEngine, verifyPassword } from '../../src/hash/node.js';

describe('passrotate/hash on Node', () => {
  it('installs the worker-pool engine as the default', () => {
    expect(getDefaultEngine()).toBe(nodeEngine);
    expect(nodeEngine.threads).toBeGreaterThanOrEqual(1);
    expect(nodeEngine.threads).toBeLessThanOrEqual(4);
  });

  it('hashes and verifies through it', async () => {
    for (const scheme of ['ARGON2ID', 'BLF-CRYPT', 'SHA512-CRYPT', 'PBKDF2', 'SCRYPT']) {
      const stored = await hashPassword('Correct-Horse-9', {
        scheme,
        params: scheme === 'BLF-CRYPT' ? { cost: 4 } : scheme === 'SCRYPT' ? { ln: 4 } : {},
      });
      expect(await verifyPassword('Correct-Horse-9', stored), scheme).toBe(true);
      expect(await verifyPassword('Correct-Horse-8', stored), scheme).toBe(false);
    }
  });
});
