/** @module App passwords: four groups of four lowercase letters, easy to type into a mail client. */
import { cryptoRandomSource, type RandomSource } from '../ports/random-source.js';
import { RandomReader } from './random-reader.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * Bits of entropy of a {@link generateAppPassword} result: 16 letters drawn uniformly from 26,
 * 16 × log2(26) ≈ 75.2 — far beyond online guessing, and enough that a fast salted hash (not a
 * memory-hard KDF) protects it at rest.
 *
 * @example
 * ```ts
 * APP_PASSWORD_ENTROPY_BITS > 75; // true
 * ```
 */
export const APP_PASSWORD_ENTROPY_BITS: number = GROUPS * GROUP_LENGTH * Math.log2(LETTERS.length);

/**
 * A random app password in the form `abcd-efgh-ijkl-mnop`: only lowercase ASCII letters and dashes,
 * so it survives phone keyboards, IMAP `LOGIN` quoting and SASL PLAIN unchanged. It is not checked
 * against a policy: it is never a main password, and its strength is its randomness.
 *
 * @param random - The source of randomness. Default: Web Crypto.
 *
 * @example
 * ```ts
 * generateAppPassword(); // e.g. 'qzvk-mirt-oabl-wesu'
 * ```
 */
export function generateAppPassword(random: RandomSource = cryptoRandomSource): string {
  const reader = new RandomReader(random);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += LETTERS[reader.int(LETTERS.length)];
    groups.push(group);
  }
  return groups.join('-');
}
