import { afterAll, beforeAll, describe } from 'vitest';
import {
  migrateMysql,
  mysqlAttemptLimiter,
  mysqlAuditSink,
  mysqlCredentialStore,
  mysqlExpiryReminderLog,
  mysqlResetTokenStore,
  mysqlSessionStore,
} from '../../../src/adapters/mysql/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testInWriteAudit,
  testInWriteRevocation,
  testResetTokenStore,
  testSessionStore,
} from '../../../src/testing/index.js';
import { mysqlAuditEvents } from '../../support/audit-rows.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../../support/mysql.js';

describe.skipIf(skipMysql)('mysql adapters (MariaDB)', () => {
  let scratch: ScratchMysqlDatabase;
  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase();
    await migrateMysql({ pool: scratch.pool });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testCredentialStore('mysql', () => mysqlCredentialStore({ pool: scratch.pool }), { concurrency: 16 });
  testInWriteRevocation(
    'mysql',
    () => ({
      store: mysqlCredentialStore({ pool: scratch.pool, revokeSessionsInWrite: 'web-sessions' }),
      sessions: mysqlSessionStore({ pool: scratch.pool }),
      revoker: 'web-sessions',
    }),
    { concurrency: 16 },
  );
  testInWriteAudit(
    'mysql',
    () => ({
      store: mysqlCredentialStore({
        pool: scratch.pool,
        revokeSessionsInWrite: 'web-sessions',
        auditInWrite: true,
      }),
      audit: mysqlAuditSink({ pool: scratch.pool }),
      revoker: 'web-sessions',
      auditedEvents: (account) => mysqlAuditEvents(scratch.pool, account),
    }),
    { concurrency: 16 },
  );
  testSessionStore('mysql', () => mysqlSessionStore({ pool: scratch.pool }));
  testAttemptLimiter('mysql', (config) => mysqlAttemptLimiter({ pool: scratch.pool, ...config }));
  testResetTokenStore('mysql', () => mysqlResetTokenStore({ pool: scratch.pool }), { concurrency: 16 });
  testExpiryReminderLog('mysql', () => mysqlExpiryReminderLog({ pool: scratch.pool }));
});
