import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ldapConnectionSettings, parseLdapUrl } from '../../src/cli/ldap-url.js';
import { mysqlConnectionSettings } from '../../src/cli/mysql-url.js';
import { csvLine } from '../../src/cli/rotation/io.js';
import { parseStoreSpec } from '../../src/cli/store-spec.js';
import { readCsvLine } from '../support/csv.js';

describe('--store', () => {
  it('parses the four kinds', () => {
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
    expect(parseStoreSpec('mysql://mail:pw@db:3307/mail')).toEqual({
      kind: 'mysql',
      url: 'mysql://mail:pw@db:3307/mail',
    });
  });

  it('refuses anything else with invalid_store', () => {
    for (const bad of [
      '',
      'sqlite:',
      'mysql://x',
      'mysql://db/',
      'mysql://db/mail?multipleStatements=true',
      'mail.sqlite',
      'passwd-file:',
    ]) {
      expect(() => parseStoreSpec(bad)).toThrow(expect.objectContaining({ code: 'invalid_store' }));
    }
  });
});

describe('mysql:// store URLs', () => {
  it('reads host, port (default 3306), user, database and a percent-encoded password', () => {
    expect(mysqlConnectionSettings('mysql://mail:p%40ss%3Aw@db.example:3307/postfix', {})).toEqual({
      host: 'db.example',
      port: 3307,
      user: 'mail',
      password: 'p@ss:w',
      database: 'postfix',
    });
    expect(mysqlConnectionSettings('mysql://mail@db/postfix', {})).toEqual({
      host: 'db',
      port: 3306,
      user: 'mail',
      database: 'postfix',
    });
  });

  it('takes the password from MYSQL_PWD, else the first line of MYSQL_PWD_FILE; the URL wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passrotate-mysql-url-'));
    try {
      const file = join(dir, 'pw');
      writeFileSync(file, 'from-file\nignored\n');
      const url = 'mysql://mail@db/postfix';
      expect(mysqlConnectionSettings(url, { MYSQL_PWD: 'from-env', MYSQL_PWD_FILE: file }).password).toBe(
        'from-env',
      );
      expect(mysqlConnectionSettings(url, { MYSQL_PWD_FILE: file }).password).toBe('from-file');
      expect(mysqlConnectionSettings('mysql://mail:inline@db/postfix', { MYSQL_PWD: 'x' }).password).toBe(
        'inline',
      );
      expect(() => mysqlConnectionSettings(url, { MYSQL_PWD_FILE: join(dir, 'missing') })).toThrow(
        expect.objectContaining({ code: 'store_unavailable' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('csvLine', () => {
  const formulaStart = /^[=+\-@\t\r]/;

  it('round-trips any fields, passwords with commas, quotes and line breaks included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = csvLine(fields);
        expect(line.endsWith('\r\n')).toBe(true);
        expect(readCsvLine(line)).toEqual(fields.map((f) => (formulaStart.test(f) ? `'${f}` : f)));
      }),
    );
  });

  it("neutralises an account or password starting with = + - @ tab or CR: a leading ' and quotes", () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const account = `${lead}cmd|'/C calc'!A0@example.org`;
      const password = `${lead}HYPERLINK("http://evil.test")`;
      const line = csvLine([account, password, 'ok']);
      const cells = readCsvLine(line);
      expect(cells).toEqual([`'${account}`, `'${password}`, 'ok']);
      expect(line.startsWith(`"'${lead}`)).toBe(true);
      expect(line).toContain(`,"'${lead}HYPERLINK(""http://evil.test"")",`);
    }
    expect(csvLine(['alice@example.org', 'Plain-Pass-1'])).toBe('alice@example.org,Plain-Pass-1\r\n');
  });
});

describe('ldap:// store URLs', () => {
  it('parses ldap:// and ldaps:// with a percent-decoded base, refusing credentials and queries in the URL', () => {
    expect(parseStoreSpec('ldap://127.0.0.1:389/ou=people,dc=example,dc=org')).toEqual({
      kind: 'ldap',
      url: 'ldap://127.0.0.1:389/ou=people,dc=example,dc=org',
    });
    expect(parseLdapUrl('ldaps://dir.example/ou=mail%20boxes,dc=example,dc=org')).toEqual({
      url: 'ldaps://dir.example',
      base: 'ou=mail boxes,dc=example,dc=org',
    });
    for (const bad of [
      'ldap://',
      'ldap://host',
      'ldap://host/',
      'ldap://admin:pw@host/dc=example,dc=org',
      'ldap://host/dc=example,dc=org??sub?(uid=*)',
    ]) {
      expect(() => parseStoreSpec(bad)).toThrow(expect.objectContaining({ code: 'invalid_store' }));
    }
  });

  it('binds as LDAP_BIND_DN with the first line of LDAP_BIND_PASSWORD_FILE, and needs both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passrotate-ldap-url-'));
    try {
      const file = join(dir, 'pw');
      writeFileSync(file, 'from-file\nignored\n');
      const url = 'ldap://127.0.0.1/ou=people,dc=example,dc=org';
      expect(
        ldapConnectionSettings(url, {
          LDAP_BIND_DN: 'cn=admin,dc=example,dc=org',
          LDAP_BIND_PASSWORD_FILE: file,
        }),
      ).toEqual({
        url: 'ldap://127.0.0.1',
        base: 'ou=people,dc=example,dc=org',
        bindDn: 'cn=admin,dc=example,dc=org',
        bindPassword: 'from-file',
      });
      for (const env of [
        { LDAP_BIND_PASSWORD_FILE: file },
        { LDAP_BIND_DN: 'cn=admin,dc=example,dc=org' },
        { LDAP_BIND_DN: 'cn=admin,dc=example,dc=org', LDAP_BIND_PASSWORD_FILE: join(dir, 'missing') },
      ]) {
        expect(() => ldapConnectionSettings(url, env)).toThrow(
          expect.objectContaining({ code: 'store_unavailable' }),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
