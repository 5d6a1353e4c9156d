import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite, sqliteResetTokenStore } from '../../../src/adapters/sqlite/index.js';
import { resetTokenDigest } from '../../../src/index.js';

describe('sqliteResetTokenStore across processes', () => {
  it('gives one reset token to exactly one of several processes consuming it from the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passrotate-sqlite-reset-'));
    try {
      const file = join(dir, 'mail.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      migrateSqlite({ db });
      const now = new Date();
      const digest = await resetTokenDigest('a-token-raced-by-four-processes');
      await sqliteResetTokenStore({ db }).save({
        digest,
        account: 'alice@example.org',
        version: 1,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      });
      const script = join(dir, 'consumer.mts');
      const adapter = new URL('../../../src/adapters/sqlite/index.ts', import.meta.url).href;
      const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
      writeFileSync(
        script,
        `import Database from ${JSON.stringify(driver)};
import { sqliteResetTokenStore } from ${JSON.stringify(adapter)};
const db = new Database(process.argv[2]);
db.pragma('busy_timeout = 10000');
const won = await sqliteResetTokenStore({ db }).consume(process.argv[3], new Date());
process.stdout.write(JSON.stringify(won !== null));`,
      );
      const run = promisify(execFile);
      const outputs = await Promise.all(
        [1, 2, 3, 4].map(() => run(process.execPath, ['--import', 'tsx', script, file, digest])),
      );
      expect(outputs.map((o) => JSON.parse(o.stdout) as boolean).filter(Boolean)).toHaveLength(1);
      expect(await sqliteResetTokenStore({ db }).find(digest, now)).toBeNull();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
