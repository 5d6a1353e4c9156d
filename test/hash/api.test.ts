import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import {
  getDefaultEngine,
  hashPassword,
  identifyHash,
  type KdfEngine,
  listSchemes,
  referenceEngine,
  setDefaultEngine,
  verifyPassword,
} from '../../src/hash/index.js';

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

describe('reading Dovecot forms', () => {
  it('dispatches {CRYPT} by $id$ and reads {MD5} as MD5-CRYPT or a plain digest', async () => {
    const crypt = await hashPassword('pw', { scheme: 'SHA256-CRYPT', params: { rounds: 1000 }, bare: true });
    expect(identifyHash(`{CRYPT}${crypt}`).scheme).toBe('SHA256-CRYPT');
    expect(await verifyPassword('pw', `{CRYPT}${crypt}`)).toBe(true);
    expect(await verifyPassword('pw', `{crypt}${crypt}`)).toBe(true);
    // MD5("pw") in hex and in base64; and doveadm's MD5-CRYPT form.
    expect(await verifyPassword('pw', '{MD5}8fe4c11451281c094a6578e6ddbf5eed')).toBe(true);
    expect(await verifyPassword('pw', '{MD5}j+TBFFEoHAlKZXjm3b9e7Q==')).toBe(true);
    expect(identifyHash('{MD5}$1$abcdefgh$Xrq0sDR0Ee2f2b3AKyB5y0').scheme).toBe('MD5-CRYPT');
  });

  it('reads fixed-length digests as hex or base64 by length, and honours .HEX/.B64', async () => {
    const hex = '{SHA256}d74ff0ee8da3b9806b18c877dbf29bbde50b5bd8e4dad7a3a725000feb82e8f1';
    const b64 = '{SHA256}10/w7o2juYBrGMh32/KbveULW9jk2tejpyUAD+uC6PE=';
    expect(await verifyPassword('pass', hex)).toBe(true);
    expect(await verifyPassword('pass', b64)).toBe(true);
    expect(identifyHash(hex).encoding).toBe('hex');
    expect(identifyHash(b64).encoding).toBe('base64');
    await expect(
      verifyPassword('pass', '{SHA256.B64}d74ff0ee8da3b9806b18c877dbf29bbde50b5bd8e4dad7a3a725000feb82e8f1'),
    ).rejects.toMatchObject({ code: 'malformed_hash' });
  });

  it('verifies only Argon2 v=19 under {ARGON2ID}, and refuses $2x$ bcrypt', async () => {
    const v16 = '$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$ikyy1YIfx1q855Ge4qqUbBaQex8q7sKCpM8mv4WyLVw';
    expect(await codeOf(verifyPassword('pw', `{ARGON2ID}${v16}`))).toBe('unsupported_version');
    expect(await codeOf(verifyPassword('pw', `$2x$05$${'a'.repeat(53)}`))).toBe('unsupported_version');
  });

  it('needs the user name for DIGEST-MD5', async () => {
    const stored = await hashPassword('pw', { scheme: 'DIGEST-MD5', user: 'joe@example.com' });
    expect(await verifyPassword('pw', stored, { user: 'joe@example.com' })).toBe(true);
    expect(await verifyPassword('pw', stored, { user: 'ann@example.com' })).toBe(false);
    expect(await codeOf(verifyPassword('pw', stored))).toBe('user_required');
    expect(await codeOf(hashPassword('pw', { scheme: 'DIGEST-MD5' }))).toBe('user_required');
  });

  it('refuses strings that are not well-formed Unicode', async () => {
    expect(await codeOf(hashPassword('a\uD800b', { scheme: 'SHA256' }))).toBe('invalid_password');
    const stored = await hashPassword('a\uFFFDb', { scheme: 'SHA256' });
    expect(await verifyPassword('a\uD800b', stored)).toBe(false);
  });
});

describe('engine injection', () => {
  it('uses the engine given per call and the module default', async () => {
    const calls: string[] = [];
    const engine: KdfEngine = {
      ...referenceEngine,
      async bcrypt(password, salt, cost) {
        calls.push('bcrypt');
        return referenceEngine.bcrypt(password, salt, cost);
      },
    };
    const stored = await hashPassword('pw', { scheme: 'BLF-CRYPT', params: { cost: 4 }, engine });
    expect(calls).toEqual(['bcrypt']);
    setDefaultEngine(engine);
    try {
      expect(getDefaultEngine()).toBe(engine);
      expect(await verifyPassword('pw', stored)).toBe(true);
      expect(calls).toEqual(['bcrypt', 'bcrypt']);
    } finally {
      setDefaultEngine(referenceEngine);
    }
  });

  it('lists every scheme with whether it is writable', () => {
    const schemes = listSchemes();
    expect(schemes.find((s) => s.scheme === 'ARGON2ID')).toEqual({
      scheme: 'ARGON2ID',
      writable: true,
      dovecot: true,
      defaults: { m: 19456, t: 2, p: 1 },
    });
    expect(schemes.find((s) => s.scheme === 'SCRYPT')).toMatchObject({ writable: true, dovecot: false });
    for (const scheme of ['LDAP-PBKDF2-SHA256', 'LDAP-PBKDF2-SHA512']) {
      expect(schemes.find((s) => s.scheme === scheme)).toEqual({ scheme, writable: false, dovecot: false });
    }
    expect(schemes.find((s) => s.scheme === 'MD5-CRYPT')).toEqual({
      scheme: 'MD5-CRYPT',
      writable: false,
      dovecot: true,
    });
    expect(schemes.find((s) => s.scheme === 'DJANGO-ARGON2')).toEqual({
      scheme: 'DJANGO-ARGON2',
      writable: false,
      dovecot: false,
    });
  });
});

describe('encodings', () => {
  it('refuses an encoding for schemes whose body is not a raw digest', async () => {
    for (const scheme of ['PBKDF2.HEX', 'SCRAM-SHA-256.B64', 'ARGON2ID.HEX']) {
      expect(await codeOf(hashPassword('pw', { scheme, params: {} }))).toBe('invalid_params');
    }
    const cram = await hashPassword('pw', { scheme: 'CRAM-MD5.B64' });
    expect(cram.startsWith('{CRAM-MD5.B64}')).toBe(true);
    expect(await verifyPassword('pw', cram)).toBe(true);
  });
});

describe('work a stored hash can demand', () => {
  it('refuses a passlib PBKDF2 hash longer than one digest (each extra block repeats the work)', async () => {
    const long = `$pbkdf2-sha256$1000$c2FsdHNhbHQ$${'A'.repeat(86)}`;
    expect(await codeOf(verifyPassword('pw', long))).toBe('malformed_hash');
  });
});
