import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('passrotate check', { timeout: 60_000 }, () => {
  it('exits 0 for a good password read from stdin (one trailing newline ignored)', async () => {
    const [plain, newline] = await Promise.all([
      runCli(['check'], 'Xq7#mLp2,vR9wz'),
      runCli(['check', '--policy', 'nist'], 'correct horse battery staple\n'),
    ]);
    expect([plain.code, plain.stdout]).toEqual([0, 'ok\n']);
    expect([newline.code, newline.stdout]).toEqual([0, 'ok\n']);
  });

  it('keeps everything but one trailing newline: a second one is a control character', async () => {
    const { code, stdout } = await runCli(['check', '--json'], 'Xq7#mLp2,vR9wz\n\n');
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { violations: { code: string; reason?: string }[] };
    expect(result.violations).toEqual([
      expect.objectContaining({ code: 'disallowed_character', reason: 'control' }),
    ]);
  });

  it('exits 1 and lists every violation', async () => {
    const { code, stdout } = await runCli(['check'], 'abc');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line.startsWith('✗ ')).toBe(true);
  });

  it('checks the account and prints JSON with codes, data and localised messages', async () => {
    const { code, stdout } = await runCli(
      ['check', '--account', 'alice@example.org', '--json', '--locale', 'de'],
      'Alice#2024xyZ',
    );
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { ok: boolean; violations: { code: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.code)).toEqual(['contains_account']);
    expect(result.violations[0]?.message).toMatch(/Passwort/);
    expect(stdout).not.toContain('Alice#2024xyZ');
  });

  it('never takes the password from argv: extra arguments are a usage error (exit 2)', async () => {
    const results = await Promise.all([
      runCli(['check', 'Xq7#mLp2,vR9wz']),
      runCli(['check', '--locale', 'xx'], 'Xq7#mLp2,vR9wz'),
      runCli(['check', '--policy', 'missing.json'], 'Xq7#mLp2,vR9wz'),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('Xq7#mLp2,vR9wz');
    }
  });
});
