import {
  memoryAttemptLimiter,
  memoryCredentialStore,
  memorySessionStore,
} from '../../../src/adapters/memory/index.js';
import { testAttemptLimiter, testCredentialStore, testSessionStore } from '../../../src/testing/index.js';

testCredentialStore('memory', () => memoryCredentialStore());
testSessionStore('memory', () => memorySessionStore());
testAttemptLimiter('memory', (config) => memoryAttemptLimiter(config));
