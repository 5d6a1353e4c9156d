import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { identifyHash, verifyPassword } from '../../src/hash/node.js';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const hasDoveadm = spawnSync('doveadm', ['pw', '-l'], { stdio: 'ignore' }).status === 0;
const PASSWORD = 'Tr0ub4dor & 3 wörds';

describe('passrotate hash', { timeout: 60_000 }, () => {
  it('hashes the first stdin line (without its newline, spaces kept) with the chosen scheme and rounds', async () => {
    const run = await cli(['hash', '-s', 'SHA512-CRYPT', '-r', '6000'], ` ${PASSWORD} \nignored\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const stored = run.stdout.trim();
    expect(identifyHash(stored)).toMatchObject({ scheme: 'SHA512-CRYPT', params: { rounds: 6000 } });
    expect(await verifyPassword(` ${PASSWORD} `, stored)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
  });

  it('takes the password from -p and writes Argon2id by default', async () => {
    const run = await cli(['hash', '-p', PASSWORD]);
    expect(run.code).toBe(0);
    expect(identifyHash(run.stdout.trim())).toMatchObject({
      scheme: 'ARGON2ID',
      params: { m: 19456, t: 2, p: 1 },
    });
    expect(await verifyPassword(PASSWORD, run.stdout.trim())).toBe(true);
  });

  it('maps -r to the work factor of each scheme', async () => {
    const bcrypt = await cli(['hash', '-s', 'BLF-CRYPT', '-r', '5', '-p', 'x']);
    expect(identifyHash(bcrypt.stdout.trim())).toMatchObject({ params: { cost: 5 } });
    const argon2 = await cli(['hash', '-s', 'argon2id', '-r', '3', '-p', 'x']);
    expect(identifyHash(argon2.stdout.trim())).toMatchObject({ params: { m: 19456, t: 3, p: 1 } });
  });

  it('refuses -r for a scheme without a work factor, and a non-number, as usage errors', async () => {
    expect((await cli(['hash', '-s', 'SSHA512', '-r', '5', '-p', 'x'])).code).toBe(2);
    expect((await cli(['hash', '-r', 'many', '-p', 'x'])).code).toBe(2);
    expect((await cli(['hash', '-s', 'NO-SUCH-SCHEME', '-p', 'x'])).code).toBe(2);
  });

  it('-t verifies: exit 0 and "(verified)" on a match, exit 1 on a mismatch', async () => {
    const stored = (await cli(['hash', '-s', 'SHA256-CRYPT', '-p', PASSWORD])).stdout.trim();
    const match = await cli(['hash', '-t', stored], `${PASSWORD}\n`);
    expect(match).toMatchObject({ code: 0, stdout: `${stored} (verified)\n` });
    const mismatch = await cli(['hash', '-t', stored, '-p', 'wrong']);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toBe('');
  });

  it('-u passes the account name to schemes salted with it, and verify -u reads it back', async () => {
    const stored = (
      await cli(['hash', '-s', 'DIGEST-MD5', '-u', 'joe@example.com', '-p', PASSWORD])
    ).stdout.trim();
    expect(stored).toMatch(/^\{DIGEST-MD5\}[0-9a-f]{32}$/);
    expect((await cli(['verify', '-u', 'joe@example.com', stored], `${PASSWORD}\n`)).code).toBe(0);
    expect((await cli(['verify', '-u', 'ann@example.com', stored], `${PASSWORD}\n`)).code).toBe(1);
  });

  it('-l lists the schemes with their defaults, verify-only ones and those Dovecot cannot read', async () => {
    const run = await cli(['hash', '-l']);
    const lines = new Map(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => [line.split(' ')[0], line.replace(/\s+/g, ' ')] as const),
    );
    expect(run.code).toBe(0);
    expect(lines.get('ARGON2ID')).toBe('ARGON2ID m=19456,t=2,p=1');
    expect(lines.get('BLF-CRYPT')).toBe('BLF-CRYPT cost=10');
    expect(lines.get('SSHA512')).toBe('SSHA512');
    expect(lines.get('MD5-CRYPT')).toBe('MD5-CRYPT (verify only)');
    expect(lines.get('SCRYPT')).toBe('SCRYPT ln=17,r=8,p=1 (not read by Dovecot)');
  });

  it.skipIf(!hasDoveadm)(
    'writes SHA512-CRYPT, BLF-CRYPT and ARGON2ID hashes that doveadm pw -t accepts',
    async () => {
      for (const scheme of ['SHA512-CRYPT', 'BLF-CRYPT', 'ARGON2ID']) {
        const stored = (await cli(['hash', '-s', scheme], `${PASSWORD}\n`)).stdout.trim();
        const ok = spawnSync('doveadm', ['pw', '-t', stored, '-p', PASSWORD], { encoding: 'utf8' });
        expect(ok.status, `${scheme}: ${ok.stderr}`).toBe(0);
        const wrong = spawnSync('doveadm', ['pw', '-t', stored, '-p', `${PASSWORD}!`], { encoding: 'utf8' });
        expect(wrong.status).not.toBe(0);
      }
    },
  );
});

describe('passrotate verify', { timeout: 60_000 }, () => {
  it('exits 0 on a match, 1 on a mismatch, 2 on a malformed hash, never echoing the password', async () => {
    const stored = (await cli(['hash', '-s', 'SHA512-CRYPT', '-p', PASSWORD])).stdout.trim();
    expect(await cli(['verify', stored], `${PASSWORD}\n`)).toMatchObject({ code: 0, stdout: '' });
    const mismatch = await cli(['verify', stored], 'not-it\n');
    expect(mismatch.code).toBe(1);
    const malformed = await cli(['verify', '{SHA512-CRYPT}$6$salt$short'], `${PASSWORD}\n`);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).not.toContain(PASSWORD);
    expect((await cli(['verify', '{NO-SUCH}abc'], 'x\n')).code).toBe(2);
  });
});

describe('passrotate calibrate', { timeout: 60_000 }, () => {
  it('prints the scheme, the parameters and the measured time, and the parameters hash', async () => {
    const run = await cli(['calibrate', '-s', 'sha256-crypt', '--target-ms', '15']);
    expect(run.code).toBe(0);
    const match = /^SHA256-CRYPT rounds=(\d+) (\d+) ms \(target 15 ms\)\n$/.exec(run.stdout);
    expect(match, run.stdout).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a scheme without a cost and a bad target as usage errors', async () => {
    expect((await cli(['calibrate', '-s', 'SSHA'])).code).toBe(2);
    expect((await cli(['calibrate', '--target-ms', '-3'])).code).toBe(2);
  });
});
