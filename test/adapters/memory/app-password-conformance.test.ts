import { memoryAppPasswordStore } from '../../../src/adapters/memory/index.js';
import { testAppPasswordStore } from '../../../src/testing/index.js';

testAppPasswordStore('memory', () => memoryAppPasswordStore());
