/** Real hashers from passrotate/hash at test-cheap costs, wrapped to remember every plaintext. */
import { createHasher } from '../../src/hash/index.js';
import type { PasswordHasher } from '../../src/index.js';

/** Every plaintext a tracked hasher saw, so tests can scan what was recorded for leaks. */
export const seenPasswords: Set<string> = new Set();

/** Wraps `inner` so every password it hashes or verifies lands in {@link seenPasswords}. */
export function tracked(inner: PasswordHasher): PasswordHasher {
  return {
    hash: (p) => {
      seenPasswords.add(p);
      return inner.hash(p);
    },
    verify: (p, s) => {
      seenPasswords.add(p);
      return inner.verify(p, s);
    },
    needsRehash: (s) => inner.needsRehash(s),
  };
}

/** Dovecot `{PBKDF2}` (PBKDF2-SHA1) with `rounds` iterations: real, and cheap at test costs. */
export function cheapHasher(rounds = 1): PasswordHasher {
  return tracked(createHasher({ default: { scheme: 'PBKDF2', params: { rounds } } }));
}

/** `{SHA512-CRYPT}` at its minimum 1000 rounds; every `{PBKDF2}` hash needs a rehash to it. */
export function upgradeHasher(): PasswordHasher {
  return tracked(createHasher({ default: { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } } }));
}
