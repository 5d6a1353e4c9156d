import {
  memoryAttemptLimiter,
  memoryCredentialStore,
  memoryExpiryReminderLog,
  memoryResetTokenStore,
  memorySessionStore,
} from '../../../src/adapters/memory/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testResetTokenStore,
  testSessionStore,
} from '../../../src/testing/index.js';

testCredentialStore('memory', () => memoryCredentialStore());
testSessionStore('memory', () => memorySessionStore());
testAttemptLimiter('memory', (config) => memoryAttemptLimiter(config));
testResetTokenStore('memory', () => memoryResetTokenStore());
const reminderLog = memoryExpiryReminderLog();
testExpiryReminderLog('memory', () => reminderLog);
