import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingSafeEqual } from '../../src/hash/constant-time.js';
import {
  decodeAb64,
  decodeBase64,
  decodeBcrypt64,
  decodeHex,
  encodeAb64,
  encodeBase64,
  encodeBcrypt64,
  encodeHex,
} from '../../src/hash/encoding.js';

describe('encodings', () => {
  it('round-trip every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(decodeHex(encodeHex(bytes))).toEqual(bytes);
        expect(decodeHex(encodeHex(bytes).toUpperCase())).toEqual(bytes);
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
        expect(decodeBase64(encodeBase64(bytes, false))).toEqual(bytes);
        expect(decodeAb64(encodeAb64(bytes))).toEqual(bytes);
        expect(decodeBcrypt64(encodeBcrypt64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('match the platform base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('refuse non-canonical base64 (padding bits set), bad characters and bad lengths', () => {
    expect(() => decodeBase64('AR==')).toThrow(/non-canonical/);
    expect(() => decodeBase64('AQ==')).not.toThrow();
    expect(() => decodeBase64('A')).toThrow();
    expect(() => decodeBase64('AQ=')).toThrow();
    expect(() => decodeBase64('A*Q=')).toThrow();
    expect(() => decodeHex('abc')).toThrow();
    expect(() => decodeHex('zz')).toThrow();
  });
});

describe('timingSafeEqual', () => {
  it('is equality of bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(timingSafeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(timingSafeEqual(a, Uint8Array.from(a))).toBe(true);
      }),
    );
  });
});

describe('the passrotate/hash entry', () => {
  it('imports nothing from node: (it must run in browsers and edge runtimes)', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (url: URL): void => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const source = readFileSync(url, 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (spec === undefined) continue;
        if (spec.startsWith('node:')) offenders.push(`${url.pathname} → ${spec}`);
        if (spec.startsWith('.')) visit(new URL(spec.replace(/\.js$/, '.ts'), url));
      }
    };
    visit(new URL('../../src/hash/index.ts', import.meta.url));
    expect(seen.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
