import { readFileSync } from 'node:fs';
import { argon2d, argon2i, argon2id } from '@noble/hashes/argon2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeHex,
  encodeBase64,
  encodeHex,
  latin1Bytes,
  utf8Bytes,
} from '../../src/hash/encoding.js';
import { referenceEngine } from '../../src/hash/engines/reference.js';
import { verifyPassword } from '../../src/hash/index.js';
import { scramKeys } from '../../src/hash/schemes/scram.js';
import { shaCrypt } from '../../src/hash/schemes/sha-crypt.js';
import { wrongPassword } from './support/password-matrix.js';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
}

describe('SHA-crypt specification vectors (Drepper)', () => {
  const { vectors } = load<{ vectors: { setting: string; password: string; expected: string }[] }>(
    'sha-crypt-spec.json',
  );
  it.each(vectors)('crypt($password, $setting)', async ({ setting, password, expected }) => {
    expect(await shaCrypt(referenceEngine, utf8Bytes(password), setting)).toBe(expected);
    expect(await verifyPassword(password, expected)).toBe(true);
  });
});

describe('bcrypt vectors (crypt_blowfish)', () => {
  const { vectors } = load<{ vectors: { password: string; hash: string }[] }>('bcrypt-openwall.json');
  it.each(vectors)('$hash', async ({ password, hash }) => {
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(wrongPassword(password), hash)).toBe(false);
  });
});

describe('Argon2 RFC 9106 §5 vectors', () => {
  const doc = load<{
    password: string;
    salt: string;
    secret: string;
    ad: string;
    m: number;
    t: number;
    p: number;
    vectors: { type: 'argon2d' | 'argon2i' | 'argon2id'; tag: string }[];
  }>('argon2-rfc9106.json');
  const fns = { argon2d, argon2i, argon2id };
  it.each(doc.vectors)('$type', ({ type, tag }) => {
    const out = fns[type](decodeHex(doc.password), decodeHex(doc.salt), {
      m: doc.m,
      t: doc.t,
      p: doc.p,
      dkLen: 32,
      key: decodeHex(doc.secret),
      personalization: decodeHex(doc.ad),
    });
    expect(encodeHex(out)).toBe(tag);
  });
});

describe('scrypt RFC 7914 §12 vectors through the reference engine', () => {
  const { vectors } = load<{
    vectors: { password: string; salt: string; N: number; r: number; p: number; dkLen: number; dk: string }[];
  }>('scrypt-rfc7914.json');
  it.each(vectors)('N=$N r=$r p=$p', async ({ password, salt, N, r, p, dkLen, dk }) => {
    const out = await referenceEngine.scrypt(utf8Bytes(password), utf8Bytes(salt), { N, r, p, dkLen });
    expect(encodeHex(out)).toBe(dk);
  });
});

describe('PBKDF2-HMAC-SHA1 RFC 6070 vectors through the reference engine', () => {
  const { vectors } = load<{
    vectors: { password: string; salt: string; c: number; dkLen: number; dk: string }[];
  }>('pbkdf2-rfc6070.json');
  it.each(vectors)('c=$c dkLen=$dkLen', async ({ password, salt, c, dkLen, dk }) => {
    const out = await referenceEngine.pbkdf2('sha1', utf8Bytes(password), utf8Bytes(salt), c, dkLen);
    expect(encodeHex(out)).toBe(dk);
  });
});

describe('SCRAM example exchanges (RFC 5802, RFC 7677) against the stored keys we derive', () => {
  const { vectors } = load<{
    vectors: {
      scheme: 'SCRAM-SHA-1' | 'SCRAM-SHA-256';
      password: string;
      clientFirstBare: string;
      serverFirst: string;
      clientFinalWithoutProof: string;
      salt: string;
      rounds: number;
      proof: string;
      serverSignature: string;
    }[];
  }>('scram-rfc.json');
  it.each(vectors)('$scheme', async (v) => {
    const hash = v.scheme === 'SCRAM-SHA-1' ? sha1 : sha256;
    const salt = decodeBase64(v.salt);
    const { storedKey, serverKey } = await scramKeys(
      referenceEngine,
      v.scheme,
      utf8Bytes(v.password),
      salt,
      v.rounds,
    );
    const authMessage = latin1Bytes(`${v.clientFirstBare},${v.serverFirst},${v.clientFinalWithoutProof}`);
    // The server's proof check: ClientKey = proof XOR HMAC(StoredKey, AuthMessage); H(ClientKey) = StoredKey.
    const signature = hmac(hash, storedKey, authMessage);
    const clientKey = decodeBase64(v.proof).map((b, i) => b ^ (signature[i] as number));
    expect(encodeHex(hash(clientKey))).toBe(encodeHex(storedKey));
    expect(encodeBase64(hmac(hash, serverKey, authMessage))).toBe(v.serverSignature);
    // And the stored form verifies as Dovecot would read it.
    const stored = `{${v.scheme}}${v.rounds},${v.salt},${encodeBase64(storedKey)},${encodeBase64(serverKey)}`;
    expect(await verifyPassword(v.password, stored)).toBe(true);
  });
});
