/** @module SCRAM-SHA-1 and SCRAM-SHA-256 stored keys (RFC 5802, RFC 7677) in Dovecot's `rounds,salt,StoredKey,ServerKey` form. */

import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  type CodecContext,
  malformedHash,
  type ParsedHash,
  parseDecimal,
  randomSalt,
  resolveIntParams,
  type SchemeWriter,
  type WriteContext,
} from '../codec.js';
import { timingSafeEqual } from '../constant-time.js';
import { decodeBase64, decodeBase64Padded, encodeBase64, latin1Bytes } from '../encoding.js';
import type { KdfEngine } from '../kdf-engine.js';
import type { HashParams } from '../types.js';
import { checkPbkdf2Rounds } from '../work-budget.js';

/** RFC 7677 §4 / RFC 5802 §5.1: at least 4096 iterations; Dovecot refuses fewer and writes 4096. */
const MIN_ROUNDS = 4096;

/**
 * The two SCRAM variants Dovecot stores.
 *
 * @example
 * ```ts
 * const scheme: ScramScheme = 'SCRAM-SHA-256';
 * ```
 */
export type ScramScheme = 'SCRAM-SHA-1' | 'SCRAM-SHA-256';
type Variant = ScramScheme;
const VARIANTS: Readonly<Record<Variant, { digest: 'sha1' | 'sha256'; hash: typeof sha1 }>> = {
  'SCRAM-SHA-1': { digest: 'sha1', hash: sha1 },
  'SCRAM-SHA-256': { digest: 'sha256', hash: sha256 },
};

/**
 * StoredKey and ServerKey for a password (RFC 5802 §3): SaltedPassword = Hi(password, salt, i)
 * = PBKDF2; ClientKey = HMAC(SaltedPassword, "Client Key"); StoredKey = H(ClientKey);
 * ServerKey = HMAC(SaltedPassword, "Server Key"). The password is used as given (Dovecot does
 * not apply SASLprep either).
 *
 * @example
 * ```ts
 * await scramKeys(engine, 'SCRAM-SHA-256', utf8Bytes('pencil'), salt, 4096);
 * ```
 */
export async function scramKeys(
  engine: KdfEngine,
  scheme: Variant,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
): Promise<{ storedKey: Uint8Array; serverKey: Uint8Array }> {
  const { digest, hash } = VARIANTS[scheme];
  const salted = await engine.pbkdf2(digest, password, salt, rounds, hash.outputLen);
  const clientKey = hmac(hash, salted, latin1Bytes('Client Key'));
  return { storedKey: hash(clientKey), serverKey: hmac(hash, salted, latin1Bytes('Server Key')) };
}

/**
 * Parses `rounds,salt,StoredKey,ServerKey` (base64 fields). Verification checks both keys.
 *
 * @example
 * ```ts
 * parseScram('SCRAM-SHA-256', '4096,G42l…,l2dK…,0D2n…').params; // { rounds: 4096 }
 * ```
 */
export function parseScram(scheme: Variant, body: string): ParsedHash {
  const fields = body.split(',');
  if (fields.length !== 4) throw malformedHash(`${scheme} value is not rounds,salt,storedkey,serverkey`);
  const [roundsText, saltText, storedText, serverText] = fields as [string, string, string, string];
  const rounds = parseDecimal(roundsText, `${scheme} rounds`);
  if (rounds < MIN_ROUNDS || rounds > 0x7fffffff)
    throw malformedHash(`${scheme} iteration count out of range`);
  // As Dovecot 2.3.19 (`doveadm pw -t`): the keys need their `=` padding, the salt does not.
  const salt = decodeBase64(saltText);
  const storedKey = decodeBase64Padded(storedText);
  const serverKey = decodeBase64Padded(serverText);
  const size = VARIANTS[scheme].hash.outputLen;
  if (storedKey.length !== size || serverKey.length !== size)
    throw malformedHash(`${scheme} key has the wrong length`);
  return {
    scheme,
    params: { rounds },
    writable: true,
    checkLimits: (limits) => checkPbkdf2Rounds(`${scheme} rounds`, VARIANTS[scheme].digest, rounds, limits),
    async verify(password: Uint8Array, ctx: CodecContext): Promise<boolean> {
      const keys = await scramKeys(ctx.engine, scheme, password, salt, rounds);
      const a = timingSafeEqual(keys.storedKey, storedKey);
      const b = timingSafeEqual(keys.serverKey, serverKey);
      return a && b;
    },
  };
}

function writer(scheme: Variant): SchemeWriter {
  return {
    scheme,
    dovecot: true,
    selfDescribing: false,
    encodable: false,
    defaults: { rounds: MIN_ROUNDS },
    resolveParams(params: HashParams): HashParams {
      return resolveIntParams(scheme, params, { rounds: [MIN_ROUNDS, MIN_ROUNDS, 0x7fffffff] });
    },
    async hash(password: Uint8Array, params: HashParams, ctx: WriteContext): Promise<string> {
      const rounds = params.rounds ?? MIN_ROUNDS;
      checkPbkdf2Rounds(`${scheme} rounds`, VARIANTS[scheme].digest, rounds, ctx.limits);
      const salt = randomSalt(ctx, 16);
      const { storedKey, serverKey } = await scramKeys(ctx.engine, scheme, password, salt, rounds);
      return `${rounds},${encodeBase64(salt)},${encodeBase64(storedKey)},${encodeBase64(serverKey)}`;
    },
  };
}

/**
 * SCRAM-SHA-256 writer: 16-byte salt, default 4096 rounds (RFC 7677 §4's minimum, Dovecot's
 * default); Dovecot refuses fewer.
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SCRAM-SHA-256', params: { rounds: 10_000 } });
 * ```
 */
export const scramSha256Writer: SchemeWriter = writer('SCRAM-SHA-256');

/**
 * SCRAM-SHA-1 writer: as SCRAM-SHA-256 (4096 rounds by RFC 5802 §5.1's guidance).
 *
 * @example
 * ```ts
 * await hashPassword('pw', { scheme: 'SCRAM-SHA-1' });
 * ```
 */
export const scramSha1Writer: SchemeWriter = writer('SCRAM-SHA-1');
