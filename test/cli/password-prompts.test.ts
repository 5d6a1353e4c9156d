import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/hash/node.js';
import { runCli } from '../support/run-cli.js';
import { ptyPython, runCliInPty } from '../support/run-in-pty.js';

const SECRET = 'Quiet-Ember-64%v';

/** The hash line on the terminal (`{SCHEME}…`). */
function storedLine(output: string): string {
  return output.split(/\r?\n/).find((line) => line.startsWith('{')) ?? '';
}

describe.skipIf(ptyPython === undefined)('hash and verify on a real terminal', { timeout: 60_000 }, () => {
  it('hash asks twice without echo, like doveadm pw, and prints a hash of what was typed', async () => {
    const run = await runCliInPty(
      ['hash', '-s', 'SHA512-CRYPT', '-r', '1000'],
      [
        ['Enter new password:', `${SECRET}\r`],
        ['Retype new password:', `${SECRET}\r`],
      ],
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Enter new password: ');
    expect(run.output).toContain('Retype new password: ');
    expect(run.output).not.toContain(SECRET);
    expect(await verifyPassword(SECRET, storedLine(run.output))).toBe(true);
  });

  it('hash refuses two different answers with exit 2 and prints no hash', async () => {
    const run = await runCliInPty(
      ['hash', '-s', 'SHA512-CRYPT', '-r', '1000'],
      [
        ['Enter new password:', `${SECRET}\r`],
        ['Retype new password:', 'Quiet-Ember-64%w\r'],
      ],
    );
    expect(run.code).toBe(2);
    expect(run.output).toContain("passwords don't match");
    expect(storedLine(run.output)).toBe('');
    expect(run.output).not.toContain('Quiet-Ember');
  });

  it('hash refuses an empty password typed twice (exit 2)', async () => {
    const run = await runCliInPty(
      ['hash'],
      [
        ['Enter new password:', '\r'],
        ['Retype new password:', '\r'],
      ],
    );
    expect(run.code).toBe(2);
    expect(run.output).toContain('empty password');
    expect(storedLine(run.output)).toBe('');
  });

  it('verify asks once without echo; backspace erases', async () => {
    const stored = await hashPassword(SECRET, { scheme: 'SHA512-CRYPT', params: { rounds: 1000 } });
    const run = await runCliInPty(['verify', stored], [['Enter password to verify:', `${SECRET}x\u007f\r`]]);
    expect(run.code, run.output).toBe(0);
    expect(run.output.match(/Enter password to verify:/g)).toHaveLength(1);
    expect(run.output).not.toContain(SECRET);
    const wrong = await runCliInPty(['verify', stored], [['Enter password to verify:', 'Loud-Ember-64%v\r']]);
    expect(wrong.code).toBe(1);
    expect(wrong.output).not.toContain('Loud-Ember');
  });
});

describe('an empty password is a usage error (exit 2) for every command that reads one', {
  timeout: 60_000,
}, () => {
  const stored = '{PLAIN}x';
  it.each([
    ['hash (empty stdin)', ['hash'], ''],
    ['hash (empty line)', ['hash', '-s', 'PLAIN'], '\n'],
    ['hash -p ""', ['hash', '-s', 'PLAIN', '-p', ''], ''],
    ['hash -t', ['hash', '-t', stored], '\n'],
    ['verify', ['verify', stored], '\n'],
    ['check', ['check'], '\n'],
    ['set', ['set', '--store', 'sqlite::memory:', '--account', 'a@example.org'], ''],
  ])('%s', async (_name, args, input) => {
    const run = await runCli(args, input);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
  });
});
