import {
  memoryAttemptLimiter,
  memoryCredentialStore,
  memoryResetTokenStore,
  memorySessionStore,
} from '../../../src/adapters/memory/index.js';
import {
  testAttemptLimiter,
  testCredentialStore,
  testResetTokenStore,
  testSessionStore,
} from '../../../src/testing/index.js';

testCredentialStore('memory', () => memoryCredentialStore());
testSessionStore('memory', () => memorySessionStore());
testAttemptLimiter('memory', (config) => memoryAttemptLimiter(config));
testResetTokenStore('memory', () => memoryResetTokenStore());
