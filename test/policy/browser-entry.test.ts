import { describe, expect, it } from 'vitest';
import {
  checkRequirements,
  definePolicy,
  generatePassword,
  loadCommonPasswords,
  PassrotateError,
  validatePassword,
} from '../../src/browser/index.js';

// This file imports only the browser entry, so the common-password list is absent until loaded.
describe('passrotate/browser', () => {
  const policy = definePolicy({ minLength: 8, minUppercase: 1, minDigit: 1, blockedWords: ['acme'] });

  it('judges the blocklist only once loadCommonPasswords has loaded the list', async () => {
    const line = () => checkRequirements(policy, 'Password1').find((l) => l.code === 'common_password');
    expect(validatePassword(policy, 'Password1')).toEqual({ ok: true, violations: [] });
    expect(line()?.met).toBeNull();
    expect(validatePassword(policy, 'Acme-Rocks-9').violations).toEqual([{ code: 'common_password' }]);
    const loading = loadCommonPasswords();
    expect(loadCommonPasswords()).toBe(loading);
    await loading;
    expect(validatePassword(policy, 'Password1').violations).toEqual([{ code: 'common_password' }]);
    expect(line()?.met).toBe(false);
    expect(validatePassword(policy, generatePassword(policy)).ok).toBe(true);
  });

  it('refuses impossible policies at definition, like the root entry', () => {
    for (const [spec, field] of [
      [{ minLength: 20, maxLength: 8 }, 'minLength'],
      [{ minLenght: 8 }, 'minLenght'],
      [{ minLength: 0 }, 'minLength'],
      [{ specialCharacters: '', minSpecial: 1 }, 'specialCharacters'],
    ] as const) {
      expect(() => definePolicy(spec as never)).toThrow(PassrotateError);
      expect(() => definePolicy(spec as never)).toThrow(field);
    }
    expect(() => definePolicy({ minLength: 0 })).toThrow(
      'Invalid policy: minLength: Too small: expected number to be >=1',
    );
  });
});
