import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import { createHasher, hashPassword, needsRehash } from '../../src/hash/index.js';

const cheapArgon = { scheme: 'ARGON2ID', params: { m: 64, t: 1, p: 1 } } as const;

describe('needsRehash', () => {
  it('flags another scheme, a lower cost, an older Argon2 version; never a higher cost', async () => {
    const bcrypt5 = await hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 5 } });
    expect(needsRehash(bcrypt5, { scheme: 'BLF-CRYPT', params: { cost: 5 } })).toBe(false);
    expect(needsRehash(bcrypt5, { scheme: 'blf-crypt', params: { cost: 4 } })).toBe(false);
    expect(needsRehash(bcrypt5, { scheme: 'BLF-CRYPT', params: { cost: 6 } })).toBe(true);
    expect(needsRehash(bcrypt5, { scheme: 'BLF-CRYPT' })).toBe(true); // default cost 10
    expect(needsRehash(bcrypt5, cheapArgon)).toBe(true);
    const argon = await hashPassword('pw', cheapArgon);
    expect(needsRehash(argon, cheapArgon)).toBe(false);
    expect(needsRehash(argon, { scheme: 'ARGON2ID', params: { m: 128, t: 1, p: 1 } })).toBe(true);
    expect(needsRehash(argon, { scheme: 'ARGON2ID', params: { m: 64, t: 2, p: 1 } })).toBe(true);
    const v16 = '$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$ikyy1YIfx1q855Ge4qqUbBaQex8q7sKCpM8mv4WyLVw';
    expect(needsRehash(v16, cheapArgon)).toBe(true);
  });

  it('treats Dovecot aliases as the same scheme', async () => {
    const sha1 = await hashPassword('pw', { scheme: 'SHA1' });
    expect(needsRehash(sha1, { scheme: 'SHA' })).toBe(false);
    expect(needsRehash('{CLEARTEXT}pw', { scheme: 'PLAIN' })).toBe(false);
  });

  it('throws coded errors for a bad stored hash or target', () => {
    expect(() => needsRehash('{NOPE}x', cheapArgon)).toThrow(PassrotateError);
    expect(() => needsRehash('{SHA}x', { scheme: 'MD5-CRYPT' })).toThrow(/verification only/);
  });
});

describe('createHasher', () => {
  it('implements the PasswordHasher port with the default scheme', async () => {
    const hasher = createHasher({ default: cheapArgon });
    const stored = await hasher.hash('Correct-Horse-9');
    expect(stored.startsWith('{ARGON2ID}$argon2id$v=19$m=64,t=1,p=1$')).toBe(true);
    expect(await hasher.verify('Correct-Horse-9', stored)).toBe(true);
    expect(await hasher.verify('wrong', stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('deprecates every other scheme by default and returns the replacement on a good login', async () => {
    const hasher = createHasher({ default: cheapArgon });
    const legacy = await hashPassword('pw', { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } });
    expect(hasher.needsRehash(legacy)).toBe(true);
    const result = await hasher.verifyAndUpdate('pw', legacy);
    expect(result.ok).toBe(true);
    const replacement = result.ok ? result.replacement : undefined;
    expect(replacement?.startsWith('{ARGON2ID}')).toBe(true);
    expect(await hasher.verify('pw', replacement as string)).toBe(true);
    expect(await hasher.verifyAndUpdate('nope', legacy)).toEqual({ ok: false });
    expect(await hasher.verifyAndUpdate('pw', replacement as string)).toEqual({ ok: true });
  });

  it('keeps accepted, non-deprecated schemes as they are when given an explicit list', async () => {
    const hasher = createHasher({
      default: cheapArgon,
      accept: ['ARGON2ID', 'SHA512-CRYPT', 'SSHA'],
      deprecated: ['SSHA'],
    });
    const crypt = await hashPassword('pw', { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } });
    const ssha = await hashPassword('pw', { scheme: 'SSHA' });
    expect(hasher.needsRehash(crypt)).toBe(false);
    expect(hasher.needsRehash(ssha)).toBe(true);
    const weaker = await hashPassword('pw', { scheme: 'ARGON2ID', params: { m: 32, t: 1, p: 1 } });
    expect(hasher.needsRehash(weaker)).toBe(true);
  });

  it('refuses schemes outside `accept` with a coded error, never true', async () => {
    const hasher = createHasher({ default: cheapArgon, accept: ['ARGON2ID'] });
    const plain = await hashPassword('pw', { scheme: 'PLAIN' });
    await expect(hasher.verify('pw', plain)).rejects.toMatchObject({ code: 'scheme_not_accepted' });
    expect(() => hasher.needsRehash(plain)).toThrow(PassrotateError);
  });

  it('rejects an inconsistent configuration', () => {
    expect(() => createHasher({ default: cheapArgon, deprecated: ['argon2id'] })).toThrow(/deprecated/);
    expect(() => createHasher({ default: cheapArgon, accept: ['SSHA'] })).toThrow(/accepted/);
    expect(() => createHasher({ default: { scheme: 'MD5-CRYPT' } })).toThrow(/verification only/);
    expect(() => createHasher({ default: { scheme: 'BLF-CRYPT', params: { cost: 99 } } })).toThrow(
      PassrotateError,
    );
  });
});
