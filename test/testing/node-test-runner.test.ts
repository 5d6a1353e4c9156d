import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const fixture = 'test/testing/fixtures/memory.node-test.ts';

/** Runs the suites under `node --test` (no vitest in the process) and returns its exit code and TAP. */
async function nodeTest(env: Record<string, string> = {}): Promise<{ code: number; tap: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const args = ['--import', 'tsx', '--test', '--test-reporter=tap', fixture];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...clean, ...env } });
    return { code: 0, tap: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, tap: failed.stdout ?? '' };
  }
}

describe('passrotate/testing under node:test', { timeout: 60_000 }, () => {
  it('runs every suite with node:test’s describe/it and its own expect, all passing on the memory adapters', async () => {
    const { code, tap } = await nodeTest();
    expect(tap).toMatch(/# pass [1-9]\d+/);
    expect(tap).toContain('# fail 0');
    expect(tap).toContain('CredentialStore conformance: memory');
    expect(tap).toContain('AttemptLimiter conformance: memory');
    expect(code).toBe(0);
  });

  it('fails a broken adapter there too', async () => {
    const { code, tap } = await nodeTest({ PASSROTATE_BROKEN: '1' });
    expect(code).not.toBe(0);
    expect(tap).toMatch(/not ok \d+ - .*/);
    expect(tap).not.toContain('# fail 0');
  });
});
