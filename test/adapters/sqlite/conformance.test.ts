import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import {
  migrateSqlite,
  sqliteAttemptLimiter,
  sqliteCredentialStore,
  sqliteExpiryReminderLog,
  sqliteSessionStore,
} from '../../../src/adapters/sqlite/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testSessionStore,
} from '../../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-sqlite-'));
const db = new Database(join(dir, 'mail.sqlite'));
db.pragma('journal_mode = WAL');
migrateSqlite({ db });
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

testCredentialStore('sqlite', () => sqliteCredentialStore({ db }));
testSessionStore('sqlite', () => sqliteSessionStore({ db }));
testAttemptLimiter('sqlite', (config) => sqliteAttemptLimiter({ db, ...config }));
testExpiryReminderLog('sqlite', () =>
  sqliteExpiryReminderLog({ db: new Database(join(dir, 'mail.sqlite')) }),
);
