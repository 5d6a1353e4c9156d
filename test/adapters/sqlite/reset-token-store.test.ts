import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite, sqliteResetTokenStore } from '../../../src/adapters/sqlite/index.js';
import { resetTokenDigest } from '../../../src/index.js';
import { raceInProcesses } from '../../support/sqlite-processes.js';

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
      const won = await raceInProcesses(
        dir,
        file,
        `return (await sqlite.sqliteResetTokenStore({ db }).consume(args[0], new Date())) !== null;`,
        [1, 2, 3, 4].map(() => [digest]),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await sqliteResetTokenStore({ db }).find(digest, now)).toBeNull();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
