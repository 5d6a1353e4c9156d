import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands/index.js';
import { describeFailure, exitCodeOf } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'passrotate-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = `sqlite:${join(dir, 'mail.sqlite')}`;

describe('passrotate --version', () => {
  it('prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const flag of ['--version', '-V']) {
      expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });
});

describe('one exit-code scheme across the storage commands', { timeout: 60_000 }, () => {
  it('a malformed --account or --domain is a usage error (2), never `forbidden`', async () => {
    for (const args of [
      ['set', '--generate', '--account', 'not-an-address'],
      ['set', '--generate', '--account', 'alice@'],
      ['expire', '--account', '@example.org'],
      ['sessions', 'revoke', '--account', 'alice@exa mple.org'],
      ['rotate-domain', '--domain', 'example..org'],
    ]) {
      const run = await runCli([...args, '--store', store]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/must be a (full mailbox address|domain name)/);
      expect(run.stderr).not.toContain('forbidden');
    }
  });

  it('a storage failure exits 2 from set, rotate-domain and expire alike, naming storage_failure', async () => {
    const created = await runCli(
      ['set', '--store', store, '--account', 'alice@example.org', '--create'],
      'Sunny-Garden-28!\n',
    );
    expect(created.code).toBe(0);
    const db = new Database(join(dir, 'mail.sqlite'));
    db.exec(
      "CREATE TRIGGER refuse_updates BEFORE UPDATE ON mailbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    db.close();
    const runs = [
      await runCli(['set', '--store', store, '--account', 'alice@example.org'], 'Other-Garden-29!\n'),
      await runCli(['rotate-domain', '--store', store, '--domain', 'example.org']),
      await runCli(['expire', '--store', store, '--account', 'alice@example.org']),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain('storage_failure');
    }
  });

  it('maps results to codes and prints a cause’s code, never its message', () => {
    expect(exitCodeOf({ code: 'storage_failure' })).toBe(2);
    expect(exitCodeOf({ code: 'not_found' })).toBe(1);
    expect(describeFailure({ code: 'storage_failure' })).toBe('storage_failure');
    const cause = Object.assign(new Error('UPDATE mailbox SET password = …'), { code: 'SQLITE_BUSY' });
    expect(describeFailure({ code: 'storage_failure', cause })).toBe('storage_failure (SQLITE_BUSY)');
    expect(describeFailure({ code: 'storage_failure', cause: 'ECONNREFUSED' })).toBe(
      'storage_failure (ECONNREFUSED)',
    );
  });
});

describe('command loading', () => {
  it('loads only the command being run, and every command for the help', async () => {
    const one = new Command('passrotate');
    await registerCommands(one, ['generate', '--count', '2']);
    expect(one.commands.map((c) => c.name())).toEqual(['generate']);
    const all = new Command('passrotate');
    await registerCommands(all, ['--help']);
    expect(all.commands.map((c) => c.name())).toContain('rotate-domain');
  });
});
