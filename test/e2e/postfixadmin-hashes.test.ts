import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/hash/index.js';
import {
  createScratchMysqlDatabase,
  mysqlUrl,
  type ScratchMysqlDatabase,
  skipMysql,
} from '../support/mysql.js';
import {
  createPostfixadmin,
  type PostfixadminInstance,
  requirePostfixadmin,
  skipWithoutPostfixadmin,
} from '../support/postfixadmin.js';

const PASSWORD = 'Blue-Lantern-42!x';

/** `$CONF['encrypt']` values whose hashes passrotate reads (and Dovecot reads without a default scheme). */
const SUPPORTED = [
  'md5crypt',
  'sha512.b64',
  'dovecot:SHA512-CRYPT',
  'dovecot:SHA256-CRYPT',
  'dovecot:MD5-CRYPT',
  'dovecot:BLF-CRYPT',
  'dovecot:ARGON2ID',
  'dovecot:ARGON2I',
  'dovecot:SSHA512',
  'dovecot:SSHA256',
  'dovecot:SSHA',
  'dovecot:SMD5',
  'dovecot:SHA512',
  'dovecot:SHA256',
  'dovecot:SHA',
  'dovecot:PLAIN-MD5',
  'dovecot:PBKDF2',
  'dovecot:CRAM-MD5',
  'dovecot:SCRAM-SHA-1',
  'dovecot:SCRAM-SHA-256',
  'dovecot:PLAIN',
  'dovecot:SHA512-CRYPT.B64',
  'php_crypt:MD5',
  'php_crypt:SHA256',
  'php_crypt:SHA512',
  'php_crypt:BLOWFISH',
  'php_crypt:SHA512:5000:{SHA512-CRYPT}',
  'php_crypt:BLOWFISH:10:{BLF-CRYPT}',
] as const;

/**
 * Settings whose hashes carry no scheme at all (bare hex MD5, DES crypt, cleartext) or courier's
 * `{md5raw}`: only a configured default scheme could say what they are, so passrotate refuses
 * them with `unknown_scheme` rather than guess.
 */
const UNSUPPORTED = ['md5', 'system', 'cleartext', 'authlib', 'php_crypt:DES'] as const;

describe.skipIf(skipWithoutPostfixadmin)(
  'passrotate verifies the hashes Postfixadmin writes (SQLite, every encrypt setting)',
  { timeout: 180_000 },
  () => {
    let dir: string;
    let pfa: PostfixadminInstance;
    let db: Database.Database;
    const hashes = new Map<string, string>();

    beforeAll(async () => {
      requirePostfixadmin();
      dir = mkdtempSync(join(tmpdir(), 'pr-pfa-hashes-'));
      const file = join(dir, 'postfixadmin.db');
      pfa = await createPostfixadmin({ kind: 'sqlite', file }, 'md5crypt');
      await pfa.addDomain('example.org', { mailboxes: 0 });
      db = new Database(file, { readonly: true });
      let i = 0;
      for (const encrypt of [...SUPPORTED, ...UNSUPPORTED]) {
        pfa.setEncrypt(encrypt);
        const account = `user${i++}@example.org`;
        await pfa.addMailbox(account, PASSWORD);
        hashes.set(
          encrypt,
          db.prepare('SELECT password FROM mailbox WHERE username = ?').pluck().get(account) as string,
        );
      }
    }, 180_000);
    afterAll(() => {
      db?.close();
      pfa?.remove();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(SUPPORTED)('%s', async (encrypt) => {
      const hash = hashes.get(encrypt) ?? '';
      expect(await verifyPassword(PASSWORD, hash), hash).toBe(true);
      expect(await verifyPassword(`${PASSWORD}.`, hash), hash).toBe(false);
    });

    it.each(UNSUPPORTED)(
      '%s (no scheme in the hash): refused as unknown_scheme, never verified',
      async (encrypt) => {
        await expect(verifyPassword(PASSWORD, hashes.get(encrypt) ?? '')).rejects.toMatchObject({
          code: 'unknown_scheme',
        });
      },
    );
  },
);

describe.skipIf(skipWithoutPostfixadmin || skipMysql)(
  'passrotate verifies the hashes Postfixadmin writes into its own MariaDB schema',
  { timeout: 120_000 },
  () => {
    let scratch: ScratchMysqlDatabase;
    let pfa: PostfixadminInstance;
    const ENCRYPTS = [
      'md5crypt',
      'dovecot:SHA512-CRYPT',
      'dovecot:ARGON2ID',
      'sha512.b64',
      'php_crypt:BLOWFISH',
    ];

    beforeAll(async () => {
      requirePostfixadmin();
      scratch = await createScratchMysqlDatabase(mysqlUrl);
      pfa = await createPostfixadmin({ kind: 'mysql', url: scratch.url }, 'md5crypt');
      await pfa.addDomain('example.org', { mailboxes: 0 });
    }, 120_000);
    afterAll(async () => {
      pfa?.remove();
      await scratch?.drop();
    });

    it('reads the schema its upgrade code made (password_expiry NOT NULL) and verifies every hash', async () => {
      const conn = await mysql.createConnection(scratch.url);
      try {
        const [columns] = await conn.query<mysql.RowDataPacket[]>(
          "SHOW COLUMNS FROM mailbox LIKE 'password_expiry'",
        );
        expect(columns[0]).toMatchObject({ Null: 'NO' });
        let i = 0;
        for (const encrypt of ENCRYPTS) {
          pfa.setEncrypt(encrypt);
          const account = `user${i++}@example.org`;
          await pfa.addMailbox(account, PASSWORD);
          const [rows] = await conn.query<mysql.RowDataPacket[]>(
            'SELECT password FROM mailbox WHERE username = ?',
            [account],
          );
          const hash = String(rows[0]?.password);
          expect(await verifyPassword(PASSWORD, hash), `${encrypt}: ${hash}`).toBe(true);
          expect(await verifyPassword(`${PASSWORD}.`, hash), `${encrypt}: ${hash}`).toBe(false);
          expect(await pfa.login(account, PASSWORD)).toBe(true);
        }
      } finally {
        await conn.end();
      }
    });
  },
);
