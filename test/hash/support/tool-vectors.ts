/** @module Shared check for the hashes the real tools wrote (test/vectors/tool-*.json, made by scripts/make-vectors.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyHash, verifyPassword } from '../../../src/hash/index.js';
import { wrongPassword } from './password-matrix.js';

interface ToolVector {
  readonly scheme: string;
  readonly password: string;
  readonly stored: string;
  readonly user?: string;
}

/** Dovecot's {MD5} holding a crypt string is reported as MD5-CRYPT. */
const REPORTED: Readonly<Record<string, string>> = { MD5: 'MD5-CRYPT' };

/**
 * Every vector of `tool` must identify as the scheme the tool was asked for and verify with its
 * password; the first vector of each scheme and layout must also reject a wrong password (the
 * property tests cover wrong passwords at large; Argon2 at Dovecot's 64 MiB is left out of it).
 */
export function describeToolVectors(tool: string): void {
  const text = readFileSync(new URL(`../../vectors/tool-${tool}.json`, import.meta.url), 'utf8');
  const vectors = (JSON.parse(text) as { vectors: ToolVector[] }).vectors;

  describe(`hashes written by ${tool}`, () => {
    it('cover a wide password matrix: identify, verify, and reject a wrong password', async () => {
      expect(vectors.length).toBeGreaterThanOrEqual(100);
      const failures: string[] = [];
      const negativeChecked = new Set<string>();
      for (const v of vectors) {
        const options = v.user ? { user: v.user } : {};
        if (identifyHash(v.stored).scheme !== (REPORTED[v.scheme] ?? v.scheme))
          failures.push(`identify ${v.stored}`);
        if (!(await verifyPassword(v.password, v.stored, options))) failures.push(`reject ${v.stored}`);
        const group = `${v.scheme} ${v.stored.slice(0, 8)}`;
        const costly = (identifyHash(v.stored).params.m ?? 0) >= 65_536;
        if (!costly && !negativeChecked.has(group)) {
          negativeChecked.add(group);
          if (await verifyPassword(wrongPassword(v.password), v.stored, options))
            failures.push(`accept ${v.stored}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  });
}
