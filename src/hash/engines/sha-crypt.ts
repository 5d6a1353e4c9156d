/** @module SHA-crypt's digest loop (Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512", 2008), over @noble/hashes. */

import { sha256, sha512 } from '@noble/hashes/sha2.js';

/** Appends `source` repeated to exactly `length` bytes. */
function repeatTo(source: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += source.length)
    out.set(source.subarray(0, Math.min(source.length, length - i)), i);
  return out;
}

/**
 * The raw SHA-crypt digest (32 bytes for SHA-256, 64 for SHA-512) of `password` with `salt`
 * (at most 16 bytes, already cut by the codec) after `rounds` rounds (1000–999,999,999, already
 * clamped by the codec), following steps 1–21 of Drepper's specification.
 *
 * @example
 * ```ts
 * shaCryptDigest('sha512', utf8Bytes('pw'), utf8Bytes('saltstring'), 5000).length; // 64
 * ```
 */
export function shaCryptDigest(
  algorithm: 'sha256' | 'sha512',
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Uint8Array {
  const hash = algorithm === 'sha256' ? sha256 : sha512;
  const size = hash.outputLen;
  const pLen = password.length;

  // Steps 4–8: digest B = H(password, salt, password).
  const b = hash.create().update(password).update(salt).update(password).digest();
  // Steps 1–3, 9–12: digest A.
  const ctxA = hash.create().update(password).update(salt);
  ctxA.update(repeatTo(b, pLen));
  for (let n = pLen; n > 0; n >>>= 1) ctxA.update(n & 1 ? b : password);
  let c = ctxA.digest();
  // Steps 13–16: the P sequence, from DP = H(password repeated pLen times).
  const dpCtx = hash.create();
  for (let i = 0; i < pLen; i++) dpCtx.update(password);
  const pSeq = repeatTo(dpCtx.digest(), pLen);
  // Steps 17–20: the S sequence, from DS = H(salt repeated 16 + A[0] times).
  const dsCtx = hash.create();
  for (let i = 0; i < 16 + (c[0] as number); i++) dsCtx.update(salt);
  const sSeq = repeatTo(dsCtx.digest(), salt.length);
  // Step 21: the rounds. Each round's input is assembled in one buffer and hashed in one call,
  // which avoids creating four incremental updates per round.
  const buffer = new Uint8Array(2 * size + salt.length + 2 * pLen);
  for (let i = 0; i < rounds; i++) {
    let at = 0;
    const first = i & 1 ? pSeq : c;
    buffer.set(first, at);
    at += first.length;
    if (i % 3 !== 0) {
      buffer.set(sSeq, at);
      at += sSeq.length;
    }
    if (i % 7 !== 0) {
      buffer.set(pSeq, at);
      at += pSeq.length;
    }
    const last = i & 1 ? c : pSeq;
    buffer.set(last, at);
    at += last.length;
    c = hash(buffer.subarray(0, at));
  }
  if (c.length !== size) throw new RangeError('unexpected digest size');
  return c;
}
