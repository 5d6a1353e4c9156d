import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { passwdFileCredentialStore } from '../../../src/adapters/dovecot/index.js';
import { testCredentialStore } from '../../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-passwd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

testCredentialStore('dovecot passwd-file', () => passwdFileCredentialStore({ path: join(dir, 'users') }));
