import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('passrotate (no command)', () => {
  it('shows the help and exits 2 when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain('generate');
  });

  it('exits 0 for an explicit --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rotate-domain');
  });

  it('exits 2 for an unknown command', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});
