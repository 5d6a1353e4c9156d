import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import { hashPassword, identifyHash, verifyPassword } from '../../src/hash/index.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PassrotateError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('hashPassword / verifyPassword', () => {
  it('writes Dovecot {SCHEME} strings and the bare form on request', async () => {
    const stored = await hashPassword('pw', { scheme: 'sha512-crypt', params: { rounds: 1000 } });
    expect(stored).toMatch(/^\{SHA512-CRYPT\}\$6\$rounds=1000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    const bare = await hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 4 }, bare: true });
    expect(bare).toMatch(/^\$2y\$04\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('pw', bare)).toBe(true);
    expect(await verifyPassword('pW', bare)).toBe(false);
  });

  it('refuses bare output for schemes that need their prefix, and encodings for crypt schemes', async () => {
    expect(await codeOf(hashPassword('pw', { scheme: 'SSHA', bare: true }))).toBe('invalid_params');
    expect(await codeOf(hashPassword('pw', { scheme: 'BLF-CRYPT', encoding: 'hex' }))).toBe('invalid_params');
  });

  it('refuses unknown and verify-only schemes, bad params and passwords bcrypt would truncate', async () => {
    expect(await codeOf(hashPassword('pw', { scheme: 'NOPE' }))).toBe('unknown_scheme');
    expect(await codeOf(hashPassword('pw', { scheme: 'SHA256.ROT13' }))).toBe('unknown_scheme');
    expect(await codeOf(hashPassword('pw', { scheme: 'MD5-CRYPT' }))).toBe('scheme_not_writable');
    expect(await codeOf(hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 3 } }))).toBe(
      'invalid_params',
    );
    expect(await codeOf(hashPassword('pw', { scheme: 'BLF-CRYPT', params: { rounds: 3 } }))).toBe(
      'invalid_params',
    );
    expect(await codeOf(hashPassword('x'.repeat(73), { scheme: 'BLF-CRYPT', params: { cost: 4 } }))).toBe(
      'password_too_long',
    );
    expect(await codeOf(hashPassword('x'.repeat(4097), { scheme: 'SHA256' }))).toBe('password_too_long');
    expect(await codeOf(hashPassword('a\0b', { scheme: 'SHA256' }))).toBe('invalid_password');
  });

  it('accepts exactly 72 bytes for bcrypt and documents that verify reads only 72', async () => {
    const pw72 = 'é'.repeat(36);
    const stored = await hashPassword(pw72, { scheme: 'BLF-CRYPT', params: { cost: 4 } });
    expect(await verifyPassword(pw72, stored)).toBe(true);
    expect(await verifyPassword(`${pw72}tail`, stored)).toBe(true);
    expect(await verifyPassword(pw72.slice(1), stored)).toBe(false);
  });

  it('refuses absurd stored costs before doing any work', async () => {
    const salt = 'saltsaltsaltsalt';
    const digest = 'a'.repeat(86);
    expect(await codeOf(verifyPassword('pw', `{SHA512-CRYPT}$6$rounds=999999999$${salt}$${digest}`))).toBe(
      'cost_too_high',
    );
    expect(await codeOf(verifyPassword('pw', `$2y$31$${'a'.repeat(53)}`))).toBe('cost_too_high');
    expect(
      await codeOf(verifyPassword('pw', '$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo')),
    ).toBe('cost_too_high');
  });

  it('lets callers raise or lower the caps', async () => {
    const stored = await hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 5 } });
    expect(await codeOf(verifyPassword('pw', stored, { limits: { maxBcryptCost: 4 } }))).toBe(
      'cost_too_high',
    );
    expect(
      await codeOf(
        hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 5 }, limits: { maxBcryptCost: 4 } }),
      ),
    ).toBe('cost_too_high');
  });

  it('returns false without work for passwords no login could carry', async () => {
    const stored = await hashPassword('pw', { scheme: 'SHA256' });
    expect(await verifyPassword('x'.repeat(5000), stored)).toBe(false);
    expect(await verifyPassword('p\0w', stored)).toBe(false);
  });

  it('identifies scheme, params, form and encoding', async () => {
    const stored = await hashPassword('pw', { scheme: 'ARGON2ID', params: { m: 64, t: 1, p: 1 } });
    expect(identifyHash(stored)).toEqual({
      scheme: 'ARGON2ID',
      params: { m: 64, t: 1, p: 1, v: 19 },
      form: 'dovecot',
      writable: true,
    });
    expect(
      identifyHash('{sha256.hex}5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8'),
    ).toMatchObject({ scheme: 'SHA256', encoding: 'hex' });
  });
});
