import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dovecotAuthCacheFlusher, dovecotSessionRevoker } from '../../../src/adapters/dovecot/index.js';
import { PassrotateError } from '../../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-doveadm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in doveadm that logs its arguments and exits with the code given per sub-command. */
function fakeDoveadm(
  name: string,
  exits: { flush: number; kick: number },
): { path: string; calls(): string[] } {
  const path = join(dir, name);
  const log = join(dir, `${name}.log`);
  writeFileSync(
    path,
    `#!/bin/sh\necho "$*" >> "${log}"\ncase "$*" in *flush*) exit ${exits.flush};; *kick*) echo "no users kicked"; exit ${exits.kick};; esac\n`,
  );
  chmodSync(path, 0o755);
  return { path, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
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

  it('refuses an account that doveadm would read as an option', async () => {
    const fake = fakeDoveadm('opt', { flush: 0, kick: 0 });
    await expect(
      dovecotSessionRevoker({ doveadm: fake.path }).revoke({ account: '-A', keepSessionDigest: null }),
    ).rejects.toThrow(TypeError);
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
