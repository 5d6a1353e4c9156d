import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPasswdFile,
  parsePasswdFile,
  splitRest,
} from '../../../src/adapters/dovecot/passwd-file-format.js';

const field = fc.stringMatching(/^[^:\n]*$/);
const user = fc.stringMatching(/^[a-z0-9._-]{1,12}@[a-z0-9.-]{1,12}$/);
const entryLine = fc
  .tuple(user, field, fc.option(fc.stringMatching(/^[^\n]*$/), { nil: null }))
  .map(([u, p, rest]) => `${u}:${p}${rest === null ? '' : `:${rest}`}`);
const otherLine = fc.oneof(fc.constant(''), fc.stringMatching(/^#[^\n]*$/));
const fileText = fc.array(fc.oneof(entryLine, otherLine)).map((lines) => lines.map((l) => `${l}\n`).join(''));

describe('passwd-file format', () => {
  it('round-trips any file byte for byte', () => {
    fc.assert(fc.property(fileText, (text) => formatPasswdFile(parsePasswdFile(text)) === text));
  });

  it('changes only the password field of the rewritten line', () => {
    fc.assert(
      fc.property(fileText, entryLine, fileText, field, (before, line, after, hash) => {
        const lines = parsePasswdFile(`${before}${line}\n${after}`);
        const index = parsePasswdFile(before).length;
        const target = lines[index];
        if (target?.kind !== 'entry') return;
        const rewritten = formatPasswdFile(
          lines.map((l, i) => (i === index ? { ...target, password: hash } : l)),
        );
        const colon = line.indexOf(':');
        const second = line.indexOf(':', colon + 1);
        const expected = `${line.slice(0, colon + 1)}${hash}${second < 0 ? '' : line.slice(second)}`;
        expect(rewritten).toBe(`${before}${expected}\n${after}`);
      }),
    );
  });

  it('keeps extra fields that contain colons', () => {
    const [line] = parsePasswdFile(
      'bob@example.org:{PLAIN}x:1000:1000:Bob B:/home/bob::userdb_mail=maildir:~/Mail nologin\n',
    );
    expect(line).toMatchObject({ kind: 'entry', user: 'bob@example.org', password: '{PLAIN}x' });
    if (line?.kind !== 'entry') throw new Error('entry expected');
    expect(splitRest(line.rest)).toEqual({
      gecos: 'Bob B',
      extra: ['userdb_mail=maildir:~/Mail', 'nologin'],
    });
  });
});
