import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/cli/rotation/io.js';
import { parseStoreSpec } from '../../src/cli/store-spec.js';
import { readCsvLine } from '../support/csv.js';

describe('--store', () => {
  it('parses the three kinds', () => {
    expect(parseStoreSpec('sqlite:./mail.sqlite')).toEqual({ kind: 'sqlite', path: './mail.sqlite' });
    expect(parseStoreSpec('passwd-file:/etc/dovecot/users')).toEqual({
      kind: 'passwd-file',
      path: '/etc/dovecot/users',
    });
    expect(parseStoreSpec('postgres://mail@db/mail')).toEqual({
      kind: 'postgres',
      url: 'postgres://mail@db/mail',
    });
    expect(parseStoreSpec('postgresql://mail@db/mail').kind).toBe('postgres');
  });

  it('refuses anything else with invalid_store', () => {
    for (const bad of ['', 'sqlite:', 'mysql://x', 'mail.sqlite', 'passwd-file:']) {
      expect(() => parseStoreSpec(bad)).toThrow(expect.objectContaining({ code: 'invalid_store' }));
    }
  });
});

describe('csvLine', () => {
  it('round-trips any fields, passwords with commas, quotes and line breaks included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = csvLine(fields);
        expect(line.endsWith('\r\n')).toBe(true);
        expect(readCsvLine(line)).toEqual(fields);
      }),
    );
  });
});
