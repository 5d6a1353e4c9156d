/** @module The portable reference KDF engine: pure JavaScript over @noble/hashes, for any runtime. */

import { argon2d, argon2i, argon2id } from '@noble/hashes/argon2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { Argon2Params, KdfEngine, ScryptParams } from '../kdf-engine.js';
import { eksBlowfishHash } from './eks-blowfish.js';
import { shaCryptDigest } from './sha-crypt.js';

const ARGON2 = { argon2id, argon2i, argon2d } as const;
const DIGESTS = { sha1, sha256, sha512 } as const;

/**
 * The reference {@link KdfEngine}: synchronous pure JavaScript (Argon2, scrypt and PBKDF2 from
 * @noble/hashes, bcrypt's EksBlowfish and SHA-crypt's loop written here) behind Promises. It runs
 * in browsers, edge runtimes and Node alike, and defines the bytes every faster engine must match.
 * It does the work on the calling thread: on a server prefer an engine that runs off the event loop.
 *
 * @example
 * ```ts
 * const dk = await referenceEngine.pbkdf2('sha256', utf8Bytes('pw'), salt, 1000, 32);
 * ```
 */
export const referenceEngine: KdfEngine = {
  async argon2(password: Uint8Array, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
    // noble's own memory guard defaults to 1 GiB; the codec's cap is the policy, so lift it to m.
    return ARGON2[params.type](password, salt, {
      m: params.m,
      t: params.t,
      p: params.p,
      version: params.version,
      dkLen: params.dkLen,
      maxmem: params.m * 1024 + 1024 * 1024,
    });
  },
  async bcrypt(password: Uint8Array, salt: Uint8Array, cost: number): Promise<Uint8Array> {
    return eksBlowfishHash(password, salt, cost).subarray(0, 23);
  },
  async shaCrypt(
    algorithm: 'sha256' | 'sha512',
    password: Uint8Array,
    salt: Uint8Array,
    rounds: number,
  ): Promise<Uint8Array> {
    return shaCryptDigest(algorithm, password, salt, rounds);
  },
  async pbkdf2(
    digest: 'sha1' | 'sha256' | 'sha512',
    password: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    dkLen: number,
  ): Promise<Uint8Array> {
    return pbkdf2(DIGESTS[digest], password, salt, { c: iterations, dkLen });
  },
  async scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
    return scrypt(password, salt, {
      N: params.N,
      r: params.r,
      p: params.p,
      dkLen: params.dkLen,
      maxmem: 128 * params.N * params.r * params.p + 1024 * 1024,
    });
  },
};
