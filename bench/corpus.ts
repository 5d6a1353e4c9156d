/** @module The bench corpus: 1,000 passwords of the kinds a mail panel sees, the same for every library. */
import type { RandomSource } from '../dist/index.js';

/** A seeded (xorshift32) source, so every run measures the same corpus. Not for real passwords. */
export function seededSource(seed: number): RandomSource {
  let state = seed >>> 0 || 1;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        bytes[i] = state & 0xff;
      }
      return bytes;
    },
  };
}

const WORDS = ['summer', 'dragon', 'monkey', 'sunshine', 'football', 'princess', 'welcome', 'shadow'];
const SPECIALS = ',./!@#$%^&*';

/**
 * Builds the corpus: 40 % compliant random passwords, 20 % lowercase and digits only, 15 % decorated
 * common words (`Summer2025!`), 15 % too short, 10 % containing the account name.
 */
export function buildCorpus(generate: (length: number) => string, size = 1000): string[] {
  const random = seededSource(42);
  const byte = (): number => random.fill(new Uint8Array(1))[0] as number;
  const pick = (text: string): string => text[byte() % text.length] as string;
  const corpus: string[] = [];
  for (let i = 0; i < size; i++) {
    const kind = i % 20;
    const word = WORDS[byte() % WORDS.length] as string;
    if (kind < 8) corpus.push(generate(8 + (byte() % 13)));
    else if (kind < 12)
      corpus.push(Array.from({ length: 10 }, () => pick('abcdefghijklmnopqrstuvwxyz0123456789')).join(''));
    else if (kind < 15)
      corpus.push(`${word[0]?.toUpperCase()}${word.slice(1)}${2000 + (byte() % 26)}${pick(SPECIALS)}`);
    else if (kind < 18)
      corpus.push(Array.from({ length: 1 + (byte() % 7) }, () => pick('aB3!xY9,')).join(''));
    else corpus.push(`Alice${pick(SPECIALS)}${1000 + byte()}`);
  }
  return corpus;
}
