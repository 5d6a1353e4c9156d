import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPasswordLine } from '../../src/cli/read-password.js';

function feed(...chunks: (string | Buffer)[]): PassThrough {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream;
}

// Any code points (fast-check's 'binary' unit never yields a lone surrogate), without a line ending.
const line = fc.string({ unit: 'binary' }).filter((s) => !s.includes('\n') && !s.endsWith('\r'));

describe('readPasswordLine', () => {
  it('returns the first line without its \\n or \\r\\n, nothing else trimmed', async () => {
    await fc.assert(
      fc.asyncProperty(line, fc.string(), fc.constantFrom('\n', '\r\n'), async (text, rest, eol) => {
        expect(await readPasswordLine(feed(`${text}${eol}${rest}`))).toBe(text);
      }),
    );
  });

  it('returns the whole input when it has no line ending, even split inside a UTF-8 sequence', async () => {
    await fc.assert(
      fc.asyncProperty(line, fc.nat(), async (text, cut) => {
        const bytes = Buffer.from(text);
        const at = bytes.length === 0 ? 0 : cut % bytes.length;
        expect(await readPasswordLine(feed(bytes.subarray(0, at), bytes.subarray(at)))).toBe(text);
      }),
    );
  });

  it('returns the empty string for empty input', async () => {
    expect(await readPasswordLine(feed())).toBe('');
  });

  it('keeps leading and trailing spaces', async () => {
    expect(await readPasswordLine(feed('  pass word  \n'))).toBe('  pass word  ');
  });

  it('answers as soon as a line is complete, without waiting for the end of the stream', async () => {
    const stream = new PassThrough();
    stream.write('open\nsesame');
    expect(await readPasswordLine(stream)).toBe('open');
  });
});
