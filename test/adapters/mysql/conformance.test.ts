import { afterAll, beforeAll, describe } from 'vitest';
import {
  migrateMysql,
  mysqlAttemptLimiter,
  mysqlCredentialStore,
  mysqlExpiryReminderLog,
  mysqlSessionStore,
} from '../../../src/adapters/mysql/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testSessionStore,
} from '../../../src/testing/index.js';
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
  testSessionStore('mysql', () => mysqlSessionStore({ pool: scratch.pool }));
  testAttemptLimiter('mysql', (config) => mysqlAttemptLimiter({ pool: scratch.pool, ...config }));
  testExpiryReminderLog('mysql', () => mysqlExpiryReminderLog({ pool: scratch.pool }));
});
