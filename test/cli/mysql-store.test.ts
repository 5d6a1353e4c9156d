import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlCredentialStore, mysqlSessionStore } from '../../src/adapters/mysql/index.js';
import { verifyPassword } from '../../src/hash/index.js';
import { readCsvLine } from '../support/csv.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { runCli } from '../support/run-cli.js';

describe.skipIf(skipMysql)('passrotate set on MariaDB (--store mysql://)', { timeout: 90_000 }, () => {
  let scratch: ScratchMysqlDatabase;
  let dir: string;
  let store: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase();
    dir = mkdtempSync(join(tmpdir(), 'passrotate-cli-mysql-'));
    // A user with a password, given to the CLI through MYSQL_PWD_FILE, not the URL.
    const user = `u_${scratch.name.slice(-12)}`;
    await scratch.pool.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY 'Db-Secret-91'`);
    await scratch.pool.query(`GRANT ALL ON ${scratch.name}.* TO '${user}'@'127.0.0.1'`);
    writeFileSync(join(dir, 'db-password'), 'Db-Secret-91\n', { mode: 0o600 });
    store = `mysql://${user}@127.0.0.1:${scratch.port}/${scratch.name}`;
    env = { MYSQL_PWD_FILE: join(dir, 'db-password') };
  });
  afterAll(async () => {
    await scratch?.pool.query(`DROP USER IF EXISTS 'u_${scratch.name.slice(-12)}'@'127.0.0.1'`);
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the tables and the mailbox, changes it with history, and rotates the domain', async () => {
    const created = await runCli(
      ['set', '--store', store, '--account', 'dan@example.net', '--create', '--name', 'Dan'],
      'Stone-Bridge-47&',
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const changed = await runCli(
      ['set', '--store', store, '--account', 'Dan@Example.net', '--policy', 'strict'],
      'Stone-Bridge-47&x',
      env,
    );
    expect(changed.code, changed.stderr).toBe(0);
    const rec = await mysqlCredentialStore({ pool: scratch.pool }).get('dan@example.net');
    expect(rec).toMatchObject({
      displayName: 'Dan',
      version: 2,
      previousHashes: [expect.stringMatching(/^\{SHA512-CRYPT\}/)],
    });
    expect(await verifyPassword('Stone-Bridge-47&x', rec?.passwordHash ?? '')).toBe(true);
    const rotated = await runCli(['rotate-domain', '--store', store, '--domain', 'example.net'], '', env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const [header, line] = rotated.stdout.trim().split('\r\n');
    expect(header).toBe('account,password,status,pending_revocations');
    const [account = '', password = '', status] = readCsvLine(`${line}\r\n`);
    expect([account, status]).toEqual(['dan@example.net', 'ok']);
    const after = await mysqlCredentialStore({ pool: scratch.pool }).get('dan@example.net');
    expect(await verifyPassword(password, after?.passwordHash ?? '')).toBe(true);
    const [audit] = await scratch.pool.query('SELECT COUNT(*) AS n FROM passrotate_audit');
    expect((audit as [{ n: number }])[0].n).toBeGreaterThan(0);
  });

  it('set and sessions revoke end the web sessions kept in the same database', async () => {
    const sessions = mysqlSessionStore({ pool: scratch.pool });
    const open = async (id: string) =>
      sessions.create({
        id,
        account: 'dan@example.net',
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 3_600_000),
        epoch: await sessions.epoch('dan@example.net'),
        data: {},
      });
    await open('web-before-set');
    const set = await runCli(
      ['set', '--store', store, '--account', 'dan@example.net'],
      'Stone-Bridge-47&z',
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(await sessions.get('web-before-set', new Date())).toBeNull();

    await open('web-before-revoke');
    const revoke = await runCli(
      ['sessions', 'revoke', '--store', store, '--account', 'Dan@Example.net'],
      '',
      env,
    );
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stderr).toContain('revoked web-sessions for dan@example.net');
    expect(await sessions.get('web-before-revoke', new Date())).toBeNull();
  });

  it('fails with exit 2 and no password in the message when the database password is wrong', async () => {
    const run = await runCli(['set', '--store', store, '--account', 'dan@example.net'], 'Stone-Bridge-47&y', {
      MYSQL_PWD: 'Wrong-Db-Secret',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('Wrong-Db-Secret');
    expect(run.stderr).not.toContain('Stone-Bridge');
  });
});
