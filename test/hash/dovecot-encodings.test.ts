import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PassrotateError } from '../../src/errors.js';
import { identifyHash, verifyPassword } from '../../src/hash/index.js';
import { wrongPassword } from './support/password-matrix.js';
import { doveadmAccepts, hasDoveadm, mapLimit } from './support/tools.js';

interface EncodingVector {
  readonly label: string;
  readonly password: string;
  readonly stored: string;
  readonly user?: string;
  /** Dovecot's verdict (`doveadm pw -t`) when the file was generated. */
  readonly dovecot: boolean;
}

const VECTORS = (
  JSON.parse(readFileSync(new URL('../vectors/dovecot-encodings.json', import.meta.url), 'utf8')) as {
    vectors: EncodingVector[];
  }
).vectors;

/** `true`/`false`, or the error code of a PassrotateError. */
async function verdict(password: string, v: EncodingVector): Promise<boolean | string> {
  try {
    return await verifyPassword(password, v.stored, v.user ? { user: v.user } : {});
  } catch (e) {
    if (e instanceof PassrotateError) return e.code;
    throw e;
  }
}

describe('digest encodings are read as Dovecot reads them (test/vectors/dovecot-encodings.json)', () => {
  it('verifies every string Dovecot verified, and refuses a wrong password there', async () => {
    const failures: string[] = [];
    for (const v of VECTORS.filter((x) => x.dovecot)) {
      if ((await verdict(v.password, v)) !== true) failures.push(`refused ${v.label}`);
      if ((await verdict(wrongPassword(v.password), v)) !== false) failures.push(`wrong password ${v.label}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every string Dovecot refused; base64 without its exact = padding as malformed', async () => {
    const unpadded = VECTORS.filter((v) => v.label.endsWith('base64 unpadded'));
    expect(unpadded.length).toBeGreaterThan(60);
    expect(unpadded.every((v) => !v.dovecot)).toBe(true);
    const failures: string[] = [];
    for (const v of VECTORS.filter((x) => !x.dovecot)) {
      const result = await verdict(v.password, v);
      const padding = /base64 (unpadded|one = short|extra =)$/.test(v.label);
      if (result === true || (padding && result !== 'malformed_hash'))
        failures.push(`${v.label}: ${String(result)}`);
    }
    expect(failures).toEqual([]);
  });

  it('names the digest scheme and the encoding Dovecot chose', () => {
    const byLabel = new Map(VECTORS.map((v) => [v.label, v.stored]));
    expect(identifyHash(byLabel.get('SHA256 hex') as string)).toMatchObject({
      scheme: 'SHA256',
      encoding: 'hex',
    });
    expect(identifyHash(byLabel.get('SSHA512.HEX salt 16 HEX') as string)).toMatchObject({
      scheme: 'SSHA512',
      encoding: 'hex',
    });
    expect(identifyHash(byLabel.get('MD5.HEX crypt text hex') as string).scheme).toBe('MD5-CRYPT');
  });
});

/** The padding findings themselves (no suffix, padded and unpadded): each doveadm call takes a while. */
const LIVE = VECTORS.filter((v) => /^[A-Z0-9-]+( salt \d+)? base64( unpadded)?$/.test(v.label));

describe.skipIf(!hasDoveadm && process.env.CI !== 'true')('agreeing with Dovecot live', () => {
  it('doveadm pw -t still answers each padded and unpadded digest as recorded, and so does verifyPassword', async () => {
    expect(LIVE.length).toBeGreaterThan(40);
    const answers = await mapLimit(LIVE, 4, (v) => doveadmAccepts(v.stored, v.password, v.user));
    const disagreements: string[] = [];
    for (const [i, v] of LIVE.entries()) {
      if (answers[i] !== v.dovecot) disagreements.push(`doveadm changed its mind on ${v.label}`);
      if (((await verdict(v.password, v)) === true) !== answers[i])
        disagreements.push(`passrotate differs on ${v.label}`);
    }
    expect(disagreements).toEqual([]);
  }, 60_000);
});
