import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotAuthCacheFlusher, passwdFileCredentialStore } from '../../src/adapters/dovecot/index.js';
import { hashPassword } from '../../src/hash/index.js';
import { type DovecotInstance, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { runCli } from '../support/run-cli.js';

/**
 * Dovecot stats a passwd-file at most once a second, so a change is seen within about a second, not
 * at once: retry a login until it works, for at most `withinMs`.
 */
async function loginWorksWithin(port: number, user: string, password: string, withinMs: number) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await imapLoginWorks(port, user, password)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const OLD = 'Old-Harbor-17!q';
const NEW = 'Green-Meadow-58?k';

describe.skipIf(dovecotBinary === undefined)(
  'Dovecot reading a passwd-file, after passrotate set',
  { timeout: 90_000 },
  () => {
    let dir: string;
    let users: string;
    let dovecot: DovecotInstance;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-passwd-'));
      chmodSync(dir, 0o755);
      users = join(dir, 'users');
      const old = await hashPassword(OLD, { scheme: 'SHA512-CRYPT' });
      writeFileSync(
        users,
        `# mail users\nalice@example.org:${old}::::::\nbob@example.org:${old}:::Bob B:::userdb_quota_rule=*:storage=1G\n`,
      );
      chmodSync(users, 0o644);
      dovecot = await startDovecot({ passdb: { driver: 'passwd-file', path: users } });
    });
    afterAll(async () => {
      await dovecot?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('accepts the new password, refuses the old one, drops a held session, and keeps the other lines', async () => {
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(true);
      const held = await connectImap(dovecot.port);
      expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
      const before = readFileSync(users, 'utf8').split('\n');

      const run = await runCli(
        [
          'set',
          '--store',
          `passwd-file:${users}`,
          '--account',
          'alice@example.org',
          '--scheme',
          'SHA512-CRYPT',
          '--dovecot-config',
          dovecot.config,
        ],
        NEW,
      );
      expect(run.code, `${run.stderr}\n${dovecot.log()}`).toBe(0);

      await held.closed;
      expect(await loginWorksWithin(dovecot.port, 'alice@example.org', NEW, 2500)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(false);
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(true);
      const after = readFileSync(users, 'utf8').split('\n');
      expect([after[0], after[2], after[3]]).toEqual([before[0], before[2], before[3]]);
      expect(after[1]).toMatch(/^alice@example\.org:\{SHA512-CRYPT\}\$6\$[^:]+::::::$/);
    });

    it('sees a second same-size change made within the same second (the mtime is moved on)', async () => {
      const store = passwdFileCredentialStore({ path: users });
      const flush = dovecotAuthCacheFlusher({ config: dovecot.config });
      const [first, second] = ['First-Change-71#z', 'Second-Chang-93%w'];
      // Dovecot stats the file on a lookup at most once a second: let it look now, then write twice at once.
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(true);
      const v1 = (await store.get('bob@example.org'))?.version ?? 0;
      const write = async (password: string, expectedVersion: number) =>
        store.setPassword({
          account: 'bob@example.org',
          expectedVersion,
          passwordHash: await hashPassword(password, { scheme: 'SHA512-CRYPT' }),
          changedAt: new Date(),
          mustChange: false,
          expiresAt: null,
          historyLimit: 3,
          pendingRevocations: [],
        });
      const hashes = await Promise.all(
        [first, second].map((p) => hashPassword(p, { scheme: 'SHA512-CRYPT' })),
      );
      expect(hashes[0]?.length).toBe(hashes[1]?.length);
      expect(await write(first, v1)).toMatchObject({ ok: true });
      expect(await write(second, v1 + 1)).toMatchObject({ ok: true });
      await flush.revoke({ account: 'bob@example.org', keepSessionDigest: null });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', second)).toBe(true);
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', first)).toBe(false);
    });
  },
);
