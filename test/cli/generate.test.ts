import { describe, expect, it } from 'vitest';
import { presets, validatePassword } from '../../src/index.js';
import { runCli, tempFile } from './run-cli.js';

describe('passrotate generate', { timeout: 60_000 }, () => {
  it('prints --count passwords that pass the policy, one per line', async () => {
    const { code, stdout } = await runCli(['generate', '--count', '5', '--policy', 'strict']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(validatePassword(presets.strict, line).ok).toBe(true);
  });

  it('prints JSON with the entropy, passphrases and exact lengths on request', async () => {
    const [json, phrase, long] = await Promise.all([
      runCli(['generate', '--json', '--count', '2', '--length', '20']),
      runCli(['generate', '--passphrase', '--words', '5', '--separator', '.']),
      runCli(['generate', '--policy', 'nist', '--length', '40', '--mail-safe', '--exclude-look-alikes']),
    ]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { password: string; entropyBits: number }[];
    expect(parsed).toHaveLength(2);
    for (const entry of parsed) {
      expect(entry.password).toHaveLength(20);
      expect(entry.entropyBits).toBeGreaterThan(120);
    }
    expect(phrase.stdout).toMatch(/^[A-Z][a-z]+(\.[A-Z][a-z]+){4}\.[0-9]\n$/);
    expect(long.stdout.trimEnd()).toMatch(/^[^0Oo1Il|!"#$%&'()*+/:<>?@[\\\]^`{}]{40}$/);
  });

  it('reads a policy from a JSON file', async () => {
    const file = tempFile(
      'policy.json',
      JSON.stringify({ minLength: 10, allowedCharacters: { custom: 'abc123' } }),
    );
    const { code, stdout } = await runCli(['generate', '--policy', file, '--count', '3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^([abc123]{16}\n){3}$/);
  });

  it('exits 2 on bad usage or an impossible request', async () => {
    const badFile = tempFile('bad.json', '{"minLength": 20, "maxLength": 8}');
    const results = await Promise.all([
      runCli(['generate', '--count', '0']),
      runCli(['generate', '--length', 'ten']),
      runCli(['generate', '--unknown']),
      runCli(['generate', '--policy', 'no-such-preset']),
      runCli(['generate', '--policy', badFile]),
      runCli(['generate', '--length', '7']),
      runCli(['generate', '--passphrase', '--length', '20']),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toBe('');
    }
    expect(results[4]?.stderr).toContain('maxLength');
    expect(results[5]?.stderr).toContain('length: 7 is below');
  });
});
