import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dovecotAuthCacheFlusher,
  dovecotRevokers,
  dovecotSessionRevoker,
} from '../../../src/adapters/dovecot/index.js';
import { PassrotateError } from '../../../src/errors.js';
import { dovecotBinary } from '../../support/dovecot.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-doveadm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in doveadm that logs its arguments and exits with the code given per sub-command. */
function fakeDoveadm(
  name: string,
  exits: { flush: number; kick: number },
  flushStderr = '',
): { path: string; calls(): string[] } {
  const path = join(dir, name);
  const log = join(dir, `${name}.log`);
  writeFileSync(log, '');
  writeFileSync(
    path,
    `#!/bin/sh\necho "$*" >> "${log}"\ncase "$*" in *flush*) echo "0 cache entries flushed"; printf '%s' '${flushStderr}' >&2; exit ${exits.flush};; *kick*) echo "no users kicked"; exit ${exits.kick};; esac\n`,
  );
  chmodSync(path, 0o755);
  return { path, calls: () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof PassrotateError ? error.code : String(error);
}

const request = { account: 'alice@example.org', keepSessionDigest: null };

describe('dovecotSessionRevoker', () => {
  it('flushes the auth cache, then kicks, against the given config', async () => {
    const fake = fakeDoveadm('ok', { flush: 0, kick: 0 });
    const revoker = dovecotSessionRevoker({ doveadm: fake.path, config: '/srv/dovecot.conf' });
    await revoker.revoke(request);
    expect(revoker.name).toBe('dovecot');
    expect(fake.calls()).toEqual([
      '-c /srv/dovecot.conf auth cache flush alice@example.org',
      '-c /srv/dovecot.conf kick alice@example.org',
    ]);
  });

  it('treats a kick that found no connection (exit 68) as done', async () => {
    const fake = fakeDoveadm('none', { flush: 0, kick: 68 });
    await expect(dovecotSessionRevoker({ doveadm: fake.path }).revoke(request)).resolves.toBeUndefined();
    expect(fake.calls()).toEqual(['auth cache flush alice@example.org', 'kick alice@example.org']);
  });

  it('rejects with doveadm_failed on another exit code, so the outbox retries', async () => {
    const fake = fakeDoveadm('down', { flush: 75, kick: 0 });
    const error = await dovecotSessionRevoker({ doveadm: fake.path, name: 'imap' })
      .revoke(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassrotateError);
    expect((error as PassrotateError).code).toBe('doveadm_failed');
    expect(fake.calls()).toEqual(['auth cache flush alice@example.org']);
  });

  it('says clearly when doveadm is missing', async () => {
    const error = await dovecotSessionRevoker({ doveadm: join(dir, 'no-such-doveadm') })
      .revoke(request)
      .catch((e: unknown) => e);
    expect((error as PassrotateError).code).toBe('doveadm_missing');
  });

  it('refuses, before running doveadm, an account doveadm would read as an option, a mask or an IP range', async () => {
    const fake = fakeDoveadm('masks', { flush: 0, kick: 0 });
    const revoker = dovecotSessionRevoker({ doveadm: fake.path });
    const unsafe = [
      '',
      '-A',
      '*@example.org',
      '*',
      'al?ce@example.org',
      'alice@example.org\nbob@example.org',
      'alice@example.org\tx',
      'alice\u0000@example.org',
      'alice\u0085@example.org',
      'alice @example.org',
      '127.0.0.1',
      '10/8',
      '1.2.3',
      '0x7f',
      '::1',
      '[::1]/64',
    ];
    for (const account of unsafe) {
      expect(
        await codeOf(revoker.revoke({ account, keepSessionDigest: null })),
        JSON.stringify(account),
      ).toBe('doveadm_unsafe_account');
      expect(
        await codeOf(
          dovecotAuthCacheFlusher({ doveadm: fake.path }).revoke({ account, keepSessionDigest: null }),
        ),
      ).toBe('doveadm_unsafe_account');
    }
    expect(fake.calls()).toEqual([]);
  });

  it('passes ordinary account names through', async () => {
    const fake = fakeDoveadm('plain', { flush: 0, kick: 0 });
    const revoker = dovecotSessionRevoker({ doveadm: fake.path });
    for (const account of ["o'brien+tag@example.org", 'user1', 'bücher@exämple.org', 'beef', '1001']) {
      await revoker.revoke({ account, keepSessionDigest: null });
    }
    expect(fake.calls()).toHaveLength(10);
  });

  it('treats an Error: line as a failure even when doveadm exits 0 (auth-master unreachable)', async () => {
    const fake = fakeDoveadm(
      'error-line',
      { flush: 0, kick: 0 },
      'Error: auth-master: auth cache flush: connect(/run/dovecot/auth-master) failed: No such file or directory',
    );
    expect(await codeOf(dovecotSessionRevoker({ doveadm: fake.path }).revoke(request))).toBe(
      'doveadm_failed',
    );
    expect(await codeOf(dovecotAuthCacheFlusher({ doveadm: fake.path }).revoke(request))).toBe(
      'doveadm_failed',
    );
    expect(fake.calls()).toEqual([
      'auth cache flush alice@example.org',
      'auth cache flush alice@example.org',
    ]);
  });
});

describe.skipIf(dovecotBinary === undefined)('the real doveadm, auth-master socket missing', () => {
  it('rejects the flush and the kick, so the outbox keeps the rows', async () => {
    const base = mkdtempSync(join(dir, 'no-dovecot-'));
    const config = join(base, 'dovecot.conf');
    writeFileSync(
      config,
      `base_dir = ${join(base, 'run')}\nstate_dir = ${join(base, 'state')}\nlog_path = ${join(base, 'log')}\n`,
    );
    const flush = dovecotAuthCacheFlusher({ config });
    const kick = dovecotSessionRevoker({ config });
    const flushError = await flush.revoke(request).catch((e: unknown) => e);
    expect((flushError as PassrotateError).code).toBe('doveadm_failed');
    expect((flushError as Error).message).toContain('auth-master');
    expect(await codeOf(kick.revoke(request))).toBe('doveadm_failed');
  });
});

describe('dovecotRevokers', () => {
  it('returns the always-run flush and the kick, with distinct outbox names', async () => {
    const fake = fakeDoveadm('pair', { flush: 0, kick: 0 });
    const [flush, kick] = dovecotRevokers({ doveadm: fake.path, config: '/srv/d.conf' });
    expect([flush.name, flush.alwaysRun, kick.name, kick.alwaysRun ?? false]).toEqual([
      'dovecot-auth-cache',
      true,
      'dovecot',
      false,
    ]);
    await kick.revoke(request);
    expect(fake.calls()).toEqual([
      '-c /srv/d.conf auth cache flush alice@example.org',
      '-c /srv/d.conf kick alice@example.org',
    ]);
  });
});

describe('dovecotAuthCacheFlusher', () => {
  it('only flushes, and always runs', async () => {
    const fake = fakeDoveadm('flush-only', { flush: 0, kick: 0 });
    const flusher = dovecotAuthCacheFlusher({ doveadm: fake.path, config: '/srv/d.conf' });
    await flusher.revoke(request);
    expect([flusher.name, flusher.alwaysRun]).toEqual(['dovecot-auth-cache', true]);
    expect(fake.calls()).toEqual(['-c /srv/d.conf auth cache flush alice@example.org']);
  });
});
