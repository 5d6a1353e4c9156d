import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateMysql, mysqlAppPasswordStore } from '../../../src/adapters/mysql/index.js';
import { testAppPasswordStore } from '../../../src/testing/index.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../../support/mysql.js';

describe.skipIf(skipMysql)('mysql app-password store (MariaDB)', () => {
  let scratch: ScratchMysqlDatabase;
  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase();
    await migrateMysql({ pool: scratch.pool });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testAppPasswordStore('mysql', () => mysqlAppPasswordStore({ pool: scratch.pool }), { concurrency: 24 });

  it("migrate creates Postfixadmin 4's columns (plus created), idempotently", async () => {
    await migrateMysql({ pool: scratch.pool });
    const [rows] = await scratch.pool.query(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'mailbox_app_password' ORDER BY ordinal_position",
    );
    expect((rows as { name: string }[]).map((r) => r.name)).toEqual([
      'id',
      'username',
      'description',
      'password_hash',
      'created',
    ]);
  });

  it("works on Postfixadmin 4's own table, which has no created column", async () => {
    await scratch.pool.query(
      'CREATE TABLE pfa_app_password (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, username VARCHAR(255) NOT NULL, description VARCHAR(255), password_hash VARCHAR(255)) DEFAULT CHARSET=utf8mb4',
    );
    const store = mysqlAppPasswordStore({ pool: scratch.pool, table: 'pfa_app_password' });
    const created = await store.create({
      account: 'Alice@example.org',
      name: 'Phone',
      passwordHash: '{PLAIN}x',
      createdAt: new Date(),
      limit: 1,
    });
    expect(created).toEqual({ ok: true, id: '1' });
    expect(await store.list('alice@example.org')).toEqual([
      { id: '1', account: 'alice@example.org', name: 'Phone', createdAt: null },
    ]);
  });
});
