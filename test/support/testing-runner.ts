/** @module vitest setup file: the conformance suites of passrotate/testing register with vitest's describe/it. */
import { describe, it } from 'vitest';
import { useTestRunner } from '../../src/testing/index.js';

useTestRunner({ describe, it });
