/** Test-only PasswordHasher over @noble/hashes PBKDF2-SHA256 (a real hash, with cheap rounds). */
import { pbkdf2, pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { PassrotateError, type PasswordHasher } from '../../src/index.js';

const PATTERN = /^\{TEST-PBKDF2\}\$(\d+)\$([0-9a-f]{32})\$([0-9a-f]{64})$/;

/** Every plaintext this hasher ever saw, so tests can scan records for leaks. */
export const seenPasswords: Set<string> = new Set();

/**
 * A PBKDF2 hasher whose target is `rounds`; hashes with fewer rounds need a rehash. `sync` derives
 * without timer yields (only microtasks), so a fast-check scheduler controls every interleaving.
 */
export function testHasher(
  rounds = 2,
  options: { sync?: boolean } = {},
): PasswordHasher & { readonly rounds: number } {
  const derive = async (password: string, salt: Uint8Array, r: number) =>
    options.sync
      ? pbkdf2(sha256, utf8ToBytes(password), salt, { c: r, dkLen: 32 })
      : pbkdf2Async(sha256, utf8ToBytes(password), salt, { c: r, dkLen: 32 });
  return {
    rounds,
    async hash(password) {
      seenPasswords.add(password);
      const salt = randomBytes(16);
      return `{TEST-PBKDF2}$${rounds}$${bytesToHex(salt)}$${bytesToHex(await derive(password, salt, rounds))}`;
    },
    async verify(password, stored) {
      seenPasswords.add(password);
      const m = PATTERN.exec(stored);
      if (!m) throw new PassrotateError('malformed_hash', 'test hasher: malformed hash');
      const [, r, salt, dk] = m as unknown as [string, string, string, string];
      const got = await derive(password, hexToBytes(salt), Number(r));
      const want = hexToBytes(dk);
      let diff = 0;
      for (let i = 0; i < want.length; i++) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
      return diff === 0;
    },
    needsRehash(stored) {
      const m = PATTERN.exec(stored);
      return !m || Number(m[1]) < rounds;
    },
  };
}
