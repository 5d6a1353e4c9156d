/** @module The service's shared secrets: read from a file, taken from HTTP Basic auth, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PassrotateError } from '../errors.js';

/** The shortest secret `readSecretFile` accepts: 16 characters (e.g. `openssl rand -hex 32` gives 64). */
const MIN_SECRET_LENGTH = 16;

/**
 * Reads a shared secret from `path`: the file's first line, surrounding whitespace removed.
 *
 * @throws PassrotateError `invalid_secret` when the file cannot be read or the secret is shorter than 16 characters.
 */
export async function readSecretFile(path: string, option: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new PassrotateError('invalid_secret', `${option}: cannot read ${path}`, { cause });
  }
  const secret = (text.split(/\r?\n/)[0] ?? '').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new PassrotateError(
      'invalid_secret',
      `${option}: the secret in ${path} must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -hex 32)`,
    );
  }
  return secret;
}

/**
 * The password of an `Authorization: Basic …` header (the user name is ignored), or `null`.
 */
export function basicAuthPassword(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (match === null) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether `given` equals `expected`, in time independent of where they differ and of their lengths
 * (both are hashed to 32 bytes first, then compared with `crypto.timingSafeEqual`).
 */
export function secretMatches(given: string | null, expected: string): boolean {
  const a = digest(given ?? '');
  const b = digest(expected);
  return timingSafeEqual(a, b) && given !== null;
}
