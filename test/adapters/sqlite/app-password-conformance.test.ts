import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { migrateSqlite, sqliteAppPasswordStore } from '../../../src/adapters/sqlite/index.js';
import { testAppPasswordStore } from '../../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-sqlite-apppw-'));
const file = join(dir, 'mail.sqlite');
const db = new Database(file);
db.pragma('journal_mode = WAL');
migrateSqlite({ db });
// A second connection on the same file: racing creates come through both.
const other = new Database(file);
other.pragma('busy_timeout = 5000');
afterAll(() => {
  db.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

testAppPasswordStore('sqlite', () => sqliteAppPasswordStore({ db }));
testAppPasswordStore('sqlite, two connections', () => {
  const [first, second] = [sqliteAppPasswordStore({ db }), sqliteAppPasswordStore({ db: other })];
  let turn = 0;
  const next = () => {
    turn += 1;
    return turn % 2 === 0 ? first : second;
  };
  return {
    create: (entry) => next().create(entry),
    list: (account) => next().list(account),
    revoke: (account, id) => next().revoke(account, id),
    revokeAll: (account) => next().revokeAll(account),
  };
});
