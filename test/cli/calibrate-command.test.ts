/** @module `passrotate calibrate` end to end: targets above the default work budget still calibrate. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('passrotate calibrate', () => {
  it('calibrates a target above the default work budget and says the budget must be raised', async () => {
    const run = await runCli(['calibrate', '-s', 'PBKDF2', '--target-ms', '1100']);
    expect(run.stderr).not.toMatch(/cost_too_high/);
    expect(run.code).toBe(0);
    const rounds = Number(/rounds=(\d+)/.exec(run.stdout)?.[1]);
    expect(rounds).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^PBKDF2 .* ms \(target 1100 ms\)\n$/);
    expect(run.stderr).toMatch(/limits\.maxWorkMs/);
  }, 120_000);
});
