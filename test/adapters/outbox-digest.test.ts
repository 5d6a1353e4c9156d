/**
 * The revocation outbox names the session to keep by its digest, never by the cookie value: a
 * password change with `revoke: 'others'` leaves no usable session id in the SQLite file (whose
 * deleted rows are overwritten), the PostgreSQL outbox rows or the passwd-file sidecar, and still
 * keeps exactly the caller's session.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { passwdFileCredentialStore } from '../../src/adapters/dovecot/index.js';
import { manualClock, memorySessionStore } from '../../src/adapters/memory/index.js';
import {
  migratePostgres,
  postgresCredentialStore,
  postgresSessionStore,
} from '../../src/adapters/postgres/index.js';
import { migrateSqlite, sqliteCredentialStore, sqliteSessionStore } from '../../src/adapters/sqlite/index.js';
import {
  type CredentialStore,
  changeOwnPassword,
  definePolicy,
  resumePendingRevocations,
  type SessionStore,
  sessionIdDigest,
  sessionStoreRevoker,
} from '../../src/index.js';
import { cheapHasher } from '../support/hashers.js';
import { createScratchDatabase, pgUrl } from '../support/postgres.js';

const ALICE = 'alice@example.org';
const OLD = 'Quiet-Meadow-51';
const NEW = 'Velvet-Harbor-73';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const scratchDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'passrotate-outbox-'));
  dirs.push(dir);
  return dir;
};

/**
 * Alice has two sessions and changes her password with `revoke: 'others'` from `mine`, while the
 * IMAP revoker is down, so its outbox row stays pending (holding the session to keep).
 */
async function changeKeepingMine(store: CredentialStore, sessions: SessionStore) {
  const clock = manualClock(new Date());
  const hasher = cheapHasher();
  await store.createMailbox({ account: ALICE, passwordHash: await hasher.hash(OLD) });
  const mine = `cookie-${randomUUID()}`;
  const other = `cookie-${randomUUID()}`;
  for (const id of [mine, other]) {
    await sessions.create({
      id,
      account: ALICE,
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 86_400_000),
      epoch: await sessions.epoch(ALICE),
      data: {},
    });
  }
  let imapDown = true;
  const rowIds: string[] = [];
  const deps = {
    store: {
      ...store,
      setPassword: (write: Parameters<CredentialStore['setPassword']>[0]) => {
        rowIds.push(...write.pendingRevocations.map((r) => r.id));
        return store.setPassword(write);
      },
    },
    hasher,
    policy: definePolicy({ minLength: 8 }),
    revokers: [
      sessionStoreRevoker(sessions),
      {
        name: 'imap',
        revoke: async () => {
          if (imapDown) throw Object.assign(new Error('imap down'), { code: 'imap_down' });
        },
      },
    ],
    clock,
  };
  const result = await changeOwnPassword(deps, {
    account: ALICE,
    currentPassword: OLD,
    newPassword: NEW,
    confirmation: NEW,
    revoke: 'others',
    sessionId: mine,
  });
  expect(result).toMatchObject({ ok: true, revocation: { done: ['web-sessions'], pending: ['imap'] } });
  const pending = await store.listPendingRevocations(new Date(clock.now().getTime() + 3_600_000), 10);
  expect(pending.map((r) => [r.revoker, r.keepSessionDigest])).toEqual([
    ['imap', await sessionIdDigest(mine)],
  ]);
  const alive = async () =>
    Promise.all([mine, other].map(async (id) => (await sessions.get(id, clock.now())) !== null));
  expect(await alive()).toEqual([true, false]);
  return {
    mine,
    rowIds,
    /** Brings IMAP back and lets the pending row run and complete. */
    async finish() {
      imapDown = false;
      clock.advance(60_000);
      expect(await resumePendingRevocations(deps)).toEqual({ ok: true, done: 1, failed: 0 });
      expect(await alive()).toEqual([true, false]);
    },
  };
}

const fileBytes = (path: string): Buffer =>
  Buffer.concat(
    [path, `${path}-wal`, `${path}-journal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
  );

describe('the revocation outbox keeps no session id', () => {
  it('SQLite: the file never holds the id, and a done outbox row is overwritten (secure_delete)', async () => {
    const path = join(scratchDir(), 'mail.sqlite');
    const db = new Database(path);
    migrateSqlite({ db });
    const change = await changeKeepingMine(sqliteCredentialStore({ db }), sqliteSessionStore({ db }));
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(fileBytes(path).includes(change.mine)).toBe(false);
    expect(change.rowIds).toHaveLength(2);
    await change.finish();
    db.close();
    const bytes = fileBytes(path);
    expect(bytes.includes(change.mine)).toBe(false);
    for (const id of change.rowIds) expect(bytes.includes(id)).toBe(false);
  });

  it('passwd-file: the sidecar holds the digest, not the id', async () => {
    const dir = scratchDir();
    const path = join(dir, 'users');
    writeFileSync(path, '');
    const change = await changeKeepingMine(passwdFileCredentialStore({ path }), memorySessionStore());
    const sidecar = readFileSync(`${path}.passrotate.json`, 'utf8');
    expect(sidecar).toContain(await sessionIdDigest(change.mine));
    expect(sidecar).not.toContain(change.mine);
    await change.finish();
  });

  describe.skipIf(pgUrl === undefined)('PostgreSQL', () => {
    it('the outbox rows hold the digest, not the id', async () => {
      const scratch = await createScratchDatabase(pgUrl ?? '');
      try {
        await migratePostgres({ pool: scratch.pool });
        const change = await changeKeepingMine(
          postgresCredentialStore({ pool: scratch.pool }),
          postgresSessionStore({ pool: scratch.pool }),
        );
        const rows = await scratch.pool.query<{ row: string }>(
          'SELECT row_to_json(o)::text AS row FROM passrotate_outbox o',
        );
        const text = rows.rows.map((r) => r.row).join('\n');
        expect(text).toContain(await sessionIdDigest(change.mine));
        expect(text).not.toContain(change.mine);
        await change.finish();
      } finally {
        await scratch.drop();
      }
    });
  });
});
