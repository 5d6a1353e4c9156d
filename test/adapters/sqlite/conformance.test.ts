import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import {
  migrateSqlite,
  sqliteAttemptLimiter,
  sqliteAuditSink,
  sqliteCredentialStore,
  sqliteExpiryReminderLog,
  sqliteResetTokenStore,
  sqliteSessionStore,
} from '../../../src/adapters/sqlite/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testInWriteAudit,
  testInWriteRevocation,
  testResetTokenStore,
  testSessionStore,
} from '../../../src/testing/index.js';
import { sqliteAuditEvents } from '../../support/audit-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-sqlite-'));
const db = new Database(join(dir, 'mail.sqlite'));
db.pragma('journal_mode = WAL');
migrateSqlite({ db });
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

testCredentialStore('sqlite', () => sqliteCredentialStore({ db }));
testInWriteRevocation('sqlite', () => ({
  store: sqliteCredentialStore({ db, revokeSessionsInWrite: 'web-sessions' }),
  sessions: sqliteSessionStore({ db }),
  revoker: 'web-sessions',
}));
testInWriteAudit('sqlite', () => ({
  store: sqliteCredentialStore({ db, revokeSessionsInWrite: 'web-sessions', auditInWrite: true }),
  audit: sqliteAuditSink({ db }),
  revoker: 'web-sessions',
  auditedEvents: (account) => sqliteAuditEvents(db, account),
}));
testInWriteAudit('sqlite without in-write revocation', () => ({
  store: sqliteCredentialStore({ db, auditInWrite: true }),
  audit: sqliteAuditSink({ db }),
  revoker: null,
  auditedEvents: (account) => sqliteAuditEvents(db, account),
}));
testSessionStore('sqlite', () => sqliteSessionStore({ db }));
testAttemptLimiter('sqlite', (config) => sqliteAttemptLimiter({ db, ...config }));
testResetTokenStore('sqlite', () => sqliteResetTokenStore({ db }));
testExpiryReminderLog('sqlite', () =>
  sqliteExpiryReminderLog({ db: new Database(join(dir, 'mail.sqlite')) }),
);
