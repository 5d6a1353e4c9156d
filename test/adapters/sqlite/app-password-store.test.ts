import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, sqliteAppPasswordStore } from '../../../src/adapters/sqlite/index.js';

const ALICE = 'alice@example.org';
const T0 = new Date('2026-03-01T12:00:00Z');
const entry = (name: string, limit = 5, account = ALICE) => ({
  account,
  name,
  passwordHash: `{PLAIN}${name}`,
  createdAt: T0,
  limit,
});

describe('sqliteAppPasswordStore', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-apppw-'));
    dirs.push(dir);
    return join(dir, 'mail.sqlite');
  };

  it("migrate creates Postfixadmin 4's mailbox_app_password columns; rows round-trip there", async () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    migrateSqlite({ db }); // idempotent
    const columns = db
      .prepare('PRAGMA table_info(mailbox_app_password)')
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns).toEqual(['id', 'username', 'description', 'password_hash', 'created']);
    const store = sqliteAppPasswordStore({ db });
    const created = await store.create(entry('Phone', 5, 'Alice@Example.org'));
    expect(created).toEqual({ ok: true, id: '1' });
    expect(db.prepare('SELECT username, description, password_hash FROM mailbox_app_password').all()).toEqual(
      [{ username: ALICE, description: 'Phone', password_hash: '{PLAIN}Phone' }],
    );
    expect(await store.list('ALICE@example.org')).toEqual([
      { id: '1', account: ALICE, name: 'Phone', createdAt: T0 },
    ]);
  });

  it('revokes by id only within the account, and all of an account at once', async () => {
    const db = new Database(':memory:');
    migrateSqlite({ db });
    const store = sqliteAppPasswordStore({ db });
    const a = await store.create(entry('Phone'));
    await store.create(entry('Laptop'));
    const b = await store.create(entry('Phone', 5, 'bob@example.org'));
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(await store.revoke(ALICE, b.id)).toBe(false);
    expect(await store.revoke(ALICE, 'not-an-id')).toBe(false);
    expect(await store.revoke(ALICE, a.id)).toBe(true);
    expect(await store.revoke(ALICE, a.id)).toBe(false);
    expect(await store.revokeAll(ALICE)).toBe(1);
    expect((await store.list('bob@example.org')).map((p) => p.name)).toEqual(['Phone']);
  });

  it('holds the limit across connections sharing the file', async () => {
    const path = file();
    const first = new Database(path);
    migrateSqlite({ db: first });
    const connections = [first, new Database(path), new Database(path)];
    const stores = connections.map((db) => sqliteAppPasswordStore({ db }));
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => stores[i % stores.length]?.create(entry(`D${i}`, 4))),
    );
    expect(results.filter((r) => r?.ok)).toHaveLength(4);
    expect(results.filter((r) => r?.ok === false && r.code === 'limit_reached')).toHaveLength(5);
    expect(await stores[1]?.list(ALICE)).toHaveLength(4);
    for (const db of connections) db.close();
  });

  it('migrate skips the table with appPasswordTable: false, and refuses a table name that is not an identifier', () => {
    const db = new Database(':memory:');
    migrateSqlite({ db, appPasswordTable: false });
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'mailbox_app_password'").get(),
    ).toBeUndefined();
    expect(() => sqliteAppPasswordStore({ db, table: 'x; DROP TABLE mailbox' })).toThrow(TypeError);
  });
});
