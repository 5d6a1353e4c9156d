import {
  memoryAttemptLimiter,
  memoryCredentialStore,
  memoryExpiryReminderLog,
  memorySessionStore,
} from '../../../src/adapters/memory/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testExpiryReminderLog,
  testSessionStore,
} from '../../../src/testing/index.js';

testCredentialStore('memory', () => memoryCredentialStore());
testSessionStore('memory', () => memorySessionStore());
testAttemptLimiter('memory', (config) => memoryAttemptLimiter(config));
const reminderLog = memoryExpiryReminderLog();
testExpiryReminderLog('memory', () => reminderLog);
