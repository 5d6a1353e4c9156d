import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotHttpRevokers } from '../../src/adapters/dovecot/index.js';
import { inetOrgPersonLayout, ldapCredentialStore } from '../../src/adapters/ldap/index.js';
import { manualClock } from '../../src/adapters/memory/index.js';
import { createHasher, hashPassword } from '../../src/hash/index.js';
import { presets } from '../../src/policy/index.js';
import { adminSetPassword, resumePendingRevocations } from '../../src/rotation/index.js';
import { type DovecotInstance, doveadm, dovecotBinary, freePort, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { createScratchLdapBase, ldapSettings, type ScratchLdapBase, skipLdap } from '../support/ldap.js';
import { runCli } from '../support/run-cli.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
const API_KEY = 'doveadm-api-key-for-tests';

/** A TCP forwarder to a doveadm HTTP port that can be taken down and brought back on the same port. */
async function switchableProxy(target: number) {
  const port = await freePort();
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect({ port: target, host: '127.0.0.1' });
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.once('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server ? server.close(() => resolve()) : resolve();
      server = null;
    });
  await up();
  return { port, up, down };
}

describe.skipIf(dovecotBinary === undefined || skipLdap)(
  'Dovecot reading OpenLDAP (LDAP passdb), after a password change through the LDAP store',
  { timeout: 120_000 },
  () => {
    let scratch: ScratchLdapBase;
    const passdb = () => ({
      driver: 'ldap' as const,
      uris: scratch.url,
      dn: ldapSettings.readerDn,
      dnpass: ldapSettings.readerPassword,
      base: scratch.base,
    });
    const store = () =>
      ldapCredentialStore({ client: scratch.client, layout: inetOrgPersonLayout(scratch.base) });

    beforeAll(async () => {
      scratch = await createScratchLdapBase();
      const hash = await hashPassword(OLD, { scheme: 'SSHA512' });
      for (const account of [
        'alice@example.org',
        'bob@example.org',
        'carol@example.org',
        'dave@example.org',
      ]) {
        expect(await store().createMailbox({ account, passwordHash: hash })).toEqual({
          ok: true,
          version: 1,
        });
      }
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it('passrotate set --store ldap://: the new password logs in, the old one fails at once, a held session drops', async () => {
      const dovecot = await startDovecot({ passdb: passdb() });
      const dir = mkdtempSync(join(tmpdir(), 'pr-ldap-cli-'));
      try {
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD), dovecot.log()).toBe(true);
        const held = await connectImap(dovecot.port);
        expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
        expect((await held.command('SELECT INBOX')).status).toBe('OK');
        const passwordFile = join(dir, 'bind.pw');
        writeFileSync(passwordFile, `${ldapSettings.bindPassword}\n`);
        chmodSync(passwordFile, 0o600);

        const run = await runCli(
          [
            'set',
            '--store',
            `${scratch.url}/${scratch.base}`,
            '--account',
            'alice@example.org',
            '--scheme',
            'SHA512-CRYPT',
            '--dovecot-config',
            dovecot.config,
          ],
          `${NEW}\n`,
          { LDAP_BIND_DN: ldapSettings.bindDn, LDAP_BIND_PASSWORD_FILE: passwordFile },
        );
        expect(run, dovecot.log()).toMatchObject({ code: 0, stdout: '' });

        await held.closed;
        expect(held.transcript()).toContain('* BYE');
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', NEW), dovecot.log()).toBe(true);
        expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(false);
        expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(true);
        const record = await store().get('alice@example.org');
        expect(record).toMatchObject({ version: 2, mustChange: false });
        expect(record?.passwordHash).toMatch(/^\{SHA512-CRYPT\}\$6\$/);
      } finally {
        await dovecot.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('a two-backend cluster revoked over the doveadm HTTP API', () => {
      let a: DovecotInstance;
      let b: DovecotInstance;
      beforeAll(async () => {
        [a, b] = await Promise.all([
          startDovecot({ passdb: passdb(), doveadmApiKey: API_KEY }),
          startDovecot({ passdb: passdb(), doveadmApiKey: API_KEY }),
        ]);
      });
      afterAll(async () => {
        await Promise.all([a?.stop(), b?.stop()]);
      });

      it('revokes on the live backend at once; the backend that was down is revoked from the outbox when it is back', async () => {
        const proxyB = await switchableProxy(b.doveadmHttpPort ?? 0);
        const clock = manualClock(new Date());
        const deps = {
          store: store(),
          hasher: createHasher({ default: { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } } }),
          policy: presets.mailbox,
          clock,
          revokers: dovecotHttpRevokers({
            backends: [
              { url: `http://127.0.0.1:${a.doveadmHttpPort}/`, apiKey: API_KEY, name: 'a' },
              { url: `http://127.0.0.1:${proxyB.port}/`, apiKey: API_KEY, name: 'b' },
            ],
            timeoutMs: 5_000,
          }),
        };
        try {
          const heldA = await connectImap(a.port);
          const heldB = await connectImap(b.port);
          expect((await heldA.login('carol@example.org', OLD)).status, a.log()).toBe('OK');
          expect((await heldB.login('carol@example.org', OLD)).status, b.log()).toBe('OK');
          await proxyB.down();

          const result = await adminSetPassword(deps, {
            actor: { name: 'admin@example.org', domains: ['example.org'] },
            account: 'carol@example.org',
            password: NEW,
            temporary: false,
          });
          expect(result).toMatchObject({
            ok: true,
            revocation: {
              done: ['dovecot-auth-cache@a', 'dovecot@a'],
              pending: ['dovecot-auth-cache@b', 'dovecot@b'],
            },
          });
          await heldA.closed;
          expect(heldA.transcript()).toContain('* BYE');
          expect(await imapLoginWorks(a.port, 'carol@example.org', OLD)).toBe(false);
          expect(await imapLoginWorks(a.port, 'carol@example.org', NEW)).toBe(true);
          // Backend b was not reached: its cache still admits the old password and the session lives on.
          expect(await imapLoginWorks(b.port, 'carol@example.org', OLD)).toBe(true);
          expect((await heldB.command('NOOP')).status).toBe('OK');
          const pending = await deps.store.listPendingRevocations(new Date(8.64e15), 100);
          expect(
            pending
              .filter((r) => r.account === 'carol@example.org')
              .map((r) => [r.revoker, r.lastError])
              .sort(),
          ).toEqual([
            ['dovecot-auth-cache@b', 'doveadm_api_unreachable'],
            ['dovecot@b', 'doveadm_api_unreachable'],
          ]);

          await proxyB.up();
          clock.advance(2 * 60 * 60_000);
          expect(await resumePendingRevocations(deps)).toEqual({ ok: true, done: 2, failed: 0 });
          await heldB.closed;
          expect(heldB.transcript()).toContain('* BYE');
          expect(await imapLoginWorks(b.port, 'carol@example.org', OLD)).toBe(false);
          expect(await imapLoginWorks(b.port, 'carol@example.org', NEW)).toBe(true);
          expect(
            (await deps.store.listPendingRevocations(new Date(8.64e15), 100)).filter(
              (r) => r.account === 'carol@example.org',
            ),
          ).toEqual([]);
        } finally {
          await proxyB.down();
        }
      });

      it('treats an error answer as failure (wrong API key) and refuses a mask before any request', async () => {
        const [flush] = dovecotHttpRevokers({
          backends: [{ url: `http://127.0.0.1:${a.doveadmHttpPort}/`, apiKey: 'wrong-key' }],
        });
        await expect(
          flush?.revoke({ account: 'dave@example.org', keepSessionDigest: null }),
        ).rejects.toMatchObject({
          code: 'doveadm_api_failed',
        });
        const held = await connectImap(a.port);
        expect((await held.login('dave@example.org', OLD)).status).toBe('OK');
        const [, kick] = dovecotHttpRevokers({
          backends: [{ url: `http://127.0.0.1:${a.doveadmHttpPort}/`, apiKey: API_KEY }],
        });
        for (const account of ['*@example.org', 'dave@example.org\r\n', '127.0.0.1', '-A']) {
          await expect(kick?.revoke({ account, keepSessionDigest: null })).rejects.toMatchObject({
            code: 'doveadm_unsafe_account',
          });
        }
        expect((await held.command('NOOP')).status).toBe('OK');
        expect((await doveadm(a.config, ['who'])).stdout).toContain('dave@example.org');
        await kick?.revoke({ account: 'dave@example.org', keepSessionDigest: null });
        await held.closed;
        // No one left to kick: exit code 68 is success.
        await kick?.revoke({ account: 'dave@example.org', keepSessionDigest: null });
      });
    });
  },
);
