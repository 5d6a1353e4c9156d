import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, postgresAppPasswordStore } from '../../../src/adapters/postgres/index.js';
import { testAppPasswordStore } from '../../../src/testing/index.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../../support/postgres.js';

describe.skipIf(pgUrl === undefined)('postgres app-password store', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl ?? '');
    await migratePostgres({ pool: scratch.pool });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testAppPasswordStore('postgres', () => postgresAppPasswordStore({ pool: scratch.pool }), {
    concurrency: 24,
  });

  it("migrate creates Postfixadmin 4's columns (plus created), idempotently", async () => {
    await migratePostgres({ pool: scratch.pool });
    const { rows } = await scratch.pool.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'mailbox_app_password' ORDER BY ordinal_position",
    );
    expect(rows.map((r) => r.column_name)).toEqual([
      'id',
      'username',
      'description',
      'password_hash',
      'created',
    ]);
  });

  it("works on Postfixadmin 4's own table, which has no created column", async () => {
    await scratch.pool.query(
      'CREATE TABLE pfa_app_password (id SERIAL PRIMARY KEY, username VARCHAR(255) NOT NULL, description VARCHAR(255), password_hash VARCHAR(255))',
    );
    const store = postgresAppPasswordStore({ pool: scratch.pool, table: 'pfa_app_password' });
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
    expect(() => postgresAppPasswordStore({ pool: scratch.pool, table: 'x; DROP TABLE mailbox' })).toThrow(
      TypeError,
    );
  });
});
