import { afterAll, beforeAll, describe } from 'vitest';
import {
  migratePostgres,
  postgresAttemptLimiter,
  postgresAuditSink,
  postgresCredentialStore,
  postgresExpiryReminderLog,
  postgresResetTokenStore,
  postgresSessionStore,
} from '../../../src/adapters/postgres/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testInWriteAudit,
  testInWriteRevocation,
  testResetTokenStore,
  testSessionStore,
} from '../../../src/testing/index.js';
import { postgresAuditEvents } from '../../support/audit-rows.js';
import { createScratchDatabase, pgUrl, type ScratchDatabase } from '../../support/postgres.js';

describe.skipIf(pgUrl === undefined)('postgres adapters', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(pgUrl ?? '');
    await migratePostgres({ pool: scratch.pool });
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  testCredentialStore('postgres', () => postgresCredentialStore({ pool: scratch.pool }));
  testInWriteRevocation('postgres', () => ({
    store: postgresCredentialStore({ pool: scratch.pool, revokeSessionsInWrite: 'web-sessions' }),
    sessions: postgresSessionStore({ pool: scratch.pool }),
    revoker: 'web-sessions',
  }));
  testInWriteAudit('postgres', () => ({
    store: postgresCredentialStore({
      pool: scratch.pool,
      revokeSessionsInWrite: 'web-sessions',
      auditInWrite: true,
    }),
    audit: postgresAuditSink({ pool: scratch.pool }),
    revoker: 'web-sessions',
    auditedEvents: (account) => postgresAuditEvents(scratch.pool, account),
  }));
  testSessionStore('postgres', () => postgresSessionStore({ pool: scratch.pool }));
  testAttemptLimiter('postgres', (config) => postgresAttemptLimiter({ pool: scratch.pool, ...config }));
  testResetTokenStore('postgres', () => postgresResetTokenStore({ pool: scratch.pool }), { concurrency: 16 });
  testExpiryReminderLog('postgres', () => postgresExpiryReminderLog({ pool: scratch.pool }));
});
