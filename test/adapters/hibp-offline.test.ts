import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hibpOfflineBreachChecker } from '../../src/adapters/hibp-offline/index.js';
import { PassrotateError, passwordSha1Hex } from '../../src/index.js';

let dir = '';
const listed = Array.from({ length: 2000 }, (_, i) => `breached-${i}`);
const counts = new Map(listed.map((p, i) => [p, i + 1]));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passrotate-hibp-'));
  const lines = listed.map((p) => `${passwordSha1Hex(p)}:${counts.get(p)}`).sort();
  await writeFile(join(dir, 'crlf.txt'), `${lines.join('\r\n')}\r\n`);
  await writeFile(join(dir, 'lf-no-final-newline.txt'), lines.map((l) => l.toLowerCase()).join('\n'));
  await writeFile(join(dir, 'one.txt'), `${passwordSha1Hex('only')}:7\n`);
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'bad.txt'), 'not a hash file at all\nstill not\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hibpOfflineBreachChecker', () => {
  for (const file of ['crlf.txt', 'lf-no-final-newline.txt']) {
    it(`finds every listed password and no other (${file})`, async () => {
      const checker = hibpOfflineBreachChecker({ path: join(dir, file) });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...listed), async (p) => {
          expect(await checker.occurrences(p)).toBe(counts.get(p));
        }),
        { numRuns: 200 },
      );
      await fc.assert(
        fc.asyncProperty(fc.string(), async (p) => {
          expect(await checker.occurrences(p)).toBe(counts.get(p) ?? 0);
        }),
        { numRuns: 100 },
      );
      const sorted = [...listed].sort((a, b) => passwordSha1Hex(a).localeCompare(passwordSha1Hex(b)));
      expect(await checker.occurrences(sorted[0] as string)).toBe(counts.get(sorted[0] as string));
      expect(await checker.occurrences(sorted.at(-1) as string)).toBe(counts.get(sorted.at(-1) as string));
    });
  }

  it('handles one-line and empty files', async () => {
    expect(await hibpOfflineBreachChecker({ path: join(dir, 'one.txt') }).occurrences('only')).toBe(7);
    expect(await hibpOfflineBreachChecker({ path: join(dir, 'one.txt') }).occurrences('other')).toBe(0);
    expect(await hibpOfflineBreachChecker({ path: join(dir, 'empty.txt') }).occurrences('x')).toBe(0);
  });

  it('reports a malformed or missing file with a code', async () => {
    await expect(
      hibpOfflineBreachChecker({ path: join(dir, 'bad.txt') }).occurrences('x'),
    ).rejects.toMatchObject({
      code: 'malformed_breach_file',
    });
    const missing = hibpOfflineBreachChecker({ path: join(dir, 'missing.txt') }).occurrences('x');
    await expect(missing).rejects.toBeInstanceOf(PassrotateError);
    await expect(missing).rejects.toMatchObject({ code: 'breach_file_unreadable' });
    expect(() => hibpOfflineBreachChecker({ path: '' })).toThrow(TypeError);
  });
});
