import { describe, expect, it } from 'vitest';
import { verifyLogin } from '../../src/index.js';
import { fixture } from '../support/rotation-fixture.js';

describe('the audit trail keeps a bounded account string', () => {
  it('cuts an attacker-chosen account of any length to 320 characters (whole code points)', async () => {
    const f = await fixture();
    const long = `${'é'.repeat(319)}😀${'x'.repeat(100_000)}@example.org`;
    const result = await verifyLogin(f.deps, {
      account: long,
      password: 'Wrong-Password-1!',
      clientKey: 'c1',
    });
    expect(result.ok).toBe(false);
    const accounts = f.audit.events.map((e) => e.account);
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) {
      expect(Array.from(account)).toHaveLength(320);
      expect(account.endsWith('😀')).toBe(true);
    }
  });
});
